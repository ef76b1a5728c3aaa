import { useEffect } from 'react';
import type { ReactNode } from 'react';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** The narrow, centred frame of the pages people see before they are signed in. */
export function AuthLayout({ title, intro, children }: AuthLayoutProps) {
  useEffect(() => {
    document.title = `${title} · Hearken`;
  }, [title]);
  return (
    <div className="auth">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Hearken
        </span>
      </header>
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="card auth-card">
          <h1>{title}</h1>
          {intro && <div className="auth-intro">{intro}</div>}
          {children}
        </div>
      </main>
    </div>
  );
}

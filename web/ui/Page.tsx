import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

export function Page({ title, description, actions, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} · Hearken`;
  }, [title]);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

interface SectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  id?: string;
  children: ReactNode;
}

/** A titled card within a page; its heading names the region for assistive technology. */
export function Section({ title, description, actions, id, children }: SectionProps) {
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId} id={id}>
      <div className="section-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {description && <p className="section-description">{description}</p>}
        </div>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

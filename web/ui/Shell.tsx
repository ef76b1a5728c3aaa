import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface ShellProps {
  brand: ReactNode;
  /** Header contents that collapse behind the menu button on narrow screens. */
  menu: ReactNode;
  /** The menu closes whenever this changes, e.g. on navigation. */
  closeKey: string;
  children: ReactNode;
}

/** Page frame: skip link, header with a collapsible menu, and the main landmark. */
export function Shell({ brand, menu, closeKey, children }: ShellProps) {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Remembering which key the menu was opened at closes it on navigation without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === closeKey;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header
        className="shell-header"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            setOpenAt(null);
            button.current?.focus();
          }
        }}
      >
        <div className="shell-bar">
          {brand}
          <button
            ref={button}
            type="button"
            className="btn btn-secondary shell-menu-button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpenAt(open ? null : closeKey)}
          >
            <span className="shell-menu-icon" aria-hidden="true" />
            Menu
          </button>
          <div id={menuId} className={open ? 'shell-menu shell-menu-open' : 'shell-menu'}>
            {menu}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="shell-main">
        {children}
      </main>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Shell } from '../../../ui/Shell.tsx';
import type { CurrentWorkspace } from '../session.ts';
import { MainNav } from './MainNav.tsx';
import { NewWorkspaceButton } from './NewWorkspaceButton.tsx';
import { UserMenu } from './UserMenu.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

interface AppLayoutProps {
  workspace?: CurrentWorkspace;
  children: ReactNode;
}

export function AppLayout({ workspace, children }: AppLayoutProps) {
  const location = useLocation();
  return (
    <Shell
      closeKey={location.pathname}
      brand={
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Hearken
        </Link>
      }
      menu={
        <>
          <div className="menu-workspace">
            <WorkspaceSwitcher currentId={workspace?.id} />
            <NewWorkspaceButton />
          </div>
          <UserMenu />
          {workspace && <MainNav workspaceId={workspace.id} />}
        </>
      }
    >
      {children}
    </Shell>
  );
}

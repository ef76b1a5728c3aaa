import { Fragment, useMemo } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useSignedIn, WorkspaceContext } from '../session.ts';
import type { CurrentWorkspace } from '../session.ts';
import { AppLayout } from './AppLayout.tsx';

export function WorkspaceLayout() {
  const { workspaceId } = useParams();
  const me = useSignedIn();
  const membership = me.workspaces.find((workspace) => workspace.id === workspaceId);
  const workspace = useMemo<CurrentWorkspace | null>(
    () =>
      membership
        ? { ...membership, canManage: membership.role === 'owner' || membership.role === 'admin' }
        : null,
    [membership],
  );

  if (!workspace) {
    return (
      <AppLayout>
        <Page title="Workspace not found">
          <EmptyState
            title="This workspace does not exist, or you are not a member of it."
            action={<Link to="/">Go to your workspaces</Link>}
          />
        </Page>
      </AppLayout>
    );
  }
  return (
    <WorkspaceContext value={workspace}>
      <AppLayout workspace={workspace}>
        {/* Keyed so that page state (such as a fresh API key secret) never leaks across workspaces. */}
        <Fragment key={workspace.id}>
          <Outlet />
        </Fragment>
      </AppLayout>
    </WorkspaceContext>
  );
}

import { EmptyState } from '../../../ui/EmptyState.tsx';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatRelative } from '../../../ui/time.ts';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import type { Invitation } from '../types.ts';
import { useInvitations, useRevokeInvitation } from './queries.ts';

function status(invitation: Invitation): string {
  if (invitation.acceptedAt) return `Accepted ${formatRelative(invitation.acceptedAt)}`;
  if (new Date(invitation.expiresAt).getTime() < Date.now()) return 'Expired';
  return `Pending, expires ${formatRelative(invitation.expiresAt)}`;
}

export function InvitationsTable() {
  const workspace = useWorkspace();
  const invitations = useInvitations(workspace.id, workspace.canManage);
  const revoke = useRevokeInvitation(workspace.id);

  if (invitations.isPending) return <Loading />;
  if (invitations.error) {
    return <ErrorNotice problem={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  if (invitations.data.items.length === 0) {
    return <EmptyState title="No invitations yet." />;
  }
  return (
    <>
      <FormError problem={revoke.error} />
      <Table
        caption="Invitations"
        rows={invitations.data.items}
        rowKey={(invitation) => invitation.id}
        columns={[
          { header: 'Email', cell: (invitation) => invitation.email },
          { header: 'Role', cell: (invitation) => humanize(invitation.role) },
          { header: 'Sent', cell: (invitation) => <RelativeTime iso={invitation.createdAt} /> },
          { header: 'Status', cell: status },
          {
            header: 'Actions',
            cell: (invitation) =>
              !invitation.acceptedAt && (
                <ConfirmButton
                  label={`Revoke invitation for ${invitation.email}`}
                  title="Revoke this invitation?"
                  message={<p>The link sent to {invitation.email} will stop working.</p>}
                  confirmLabel="Revoke"
                  busy={revoke.isPending && revoke.variables === invitation.id}
                  onConfirm={() => revoke.mutate(invitation.id)}
                >
                  Revoke
                </ConfirmButton>
              ),
          },
        ]}
      />
    </>
  );
}

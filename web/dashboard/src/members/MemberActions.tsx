import { FormError } from '../../../ui/Alert.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { useWorkspace } from '../session.ts';
import type { Member } from '../types.ts';
import { useLeaveWorkspace, useRemoveMember } from './queries.ts';

/** Anyone may leave; owners and admins may also remove others. */
export function MemberActions({ member, isMe }: { member: Member; isMe: boolean }) {
  const workspace = useWorkspace();
  if (isMe) return <LeaveButton member={member} />;
  if (!workspace.canManage) return null;
  return <RemoveButton member={member} />;
}

function LeaveButton({ member }: { member: Member }) {
  const workspace = useWorkspace();
  const leave = useLeaveWorkspace(workspace.id, member.userId);
  return (
    <>
      <ConfirmButton
        label="Leave this workspace"
        title={`Leave ${workspace.name}?`}
        message={<p>You will lose access at once. Someone will have to invite you again.</p>}
        confirmLabel="Leave"
        busy={leave.isPending}
        onConfirm={() => leave.mutate()}
      >
        Leave
      </ConfirmButton>
      <FormError problem={leave.error} />
    </>
  );
}

function RemoveButton({ member }: { member: Member }) {
  const workspace = useWorkspace();
  const remove = useRemoveMember(workspace.id);
  return (
    <>
      <ConfirmButton
        label={`Remove ${member.name}`}
        title={`Remove ${member.name}?`}
        message={
          <p>
            {member.name} will lose access to {workspace.name} at once. Their past actions stay in
            the audit log.
          </p>
        }
        confirmLabel="Remove"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(member.userId)}
      >
        Remove
      </ConfirmButton>
      <FormError problem={remove.error} />
    </>
  );
}

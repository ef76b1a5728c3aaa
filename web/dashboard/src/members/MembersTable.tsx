import { ErrorNotice } from '../../../ui/Alert.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { humanize } from '../format.ts';
import { useSignedIn, useWorkspace } from '../session.ts';
import type { Member } from '../types.ts';
import { MemberActions } from './MemberActions.tsx';
import { MemberRoleSelect } from './MemberRoleSelect.tsx';
import { useMembers } from './queries.ts';

export function MembersTable() {
  const workspace = useWorkspace();
  const me = useSignedIn();
  const members = useMembers(workspace.id);

  if (members.isPending) return <Loading />;
  if (members.error) {
    return <ErrorNotice problem={members.error} onRetry={() => void members.refetch()} />;
  }

  const isMe = (member: Member) => member.userId === me.user?.id;
  return (
    <Table
      caption="Members"
      rows={members.data.items}
      rowKey={(member) => member.userId}
      columns={[
        {
          header: 'Name',
          cell: (member) => (
            <>
              {member.name}
              {isMe(member) && <span className="muted"> (you)</span>}
            </>
          ),
        },
        { header: 'Email', cell: (member) => member.email, className: 'cell-break' },
        {
          header: 'Role',
          cell: (member) =>
            workspace.canManage ? <MemberRoleSelect member={member} /> : humanize(member.role),
        },
        { header: 'Joined', cell: (member) => <RelativeTime iso={member.createdAt} /> },
        {
          header: 'Actions',
          cell: (member) => <MemberActions member={member} isMe={isMe(member)} />,
        },
      ]}
    />
  );
}

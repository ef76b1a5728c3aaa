import { Alert } from '../../../ui/Alert.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { InvitationsTable } from './InvitationsTable.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MembersTable } from './MembersTable.tsx';

export function MembersPage() {
  const workspace = useWorkspace();
  return (
    <Page title="Members" description={`People who can sign in to ${workspace.name}.`}>
      {!workspace.canManage && (
        <Alert>
          <p>
            You are {workspace.role === 'agent' ? 'an' : 'a'} {workspace.role} here. Only owners and
            admins can invite people or change roles.
          </p>
        </Alert>
      )}
      <Section title="Members">
        <MembersTable />
      </Section>
      {workspace.canManage && (
        <>
          <Section
            title="Invite someone"
            description="They get a link to create an account, or to join with the one they have."
          >
            <InviteForm />
          </Section>
          <Section title="Invitations">
            <InvitationsTable />
          </Section>
        </>
      )}
    </Page>
  );
}

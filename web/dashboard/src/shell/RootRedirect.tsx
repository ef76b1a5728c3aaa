import { Navigate } from 'react-router-dom';
import { Page, Section } from '../../../ui/Page.tsx';
import { useSignedIn } from '../session.ts';
import { AppLayout } from './AppLayout.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';

/** `/` opens the first workspace; people without one are offered to create it. */
export function RootRedirect() {
  const me = useSignedIn();
  const first = me.workspaces[0];
  if (first) return <Navigate replace to={`/w/${first.id}`} />;
  return (
    <AppLayout>
      <Page
        title="Welcome to Hearken"
        description="You are not a member of any workspace yet. Ask a colleague to invite you, or start your own."
      >
        <Section title="Create a workspace">
          <NewWorkspaceForm />
        </Section>
      </Page>
    </AppLayout>
  );
}

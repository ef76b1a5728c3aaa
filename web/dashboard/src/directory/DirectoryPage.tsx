import { Alert } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { EntitiesSection } from './EntitiesSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';

/** Who and what the analysis recognises in feedback: staff, teams and tracked names. */
export function DirectoryPage() {
  const workspace = useWorkspace();
  return (
    <Page
      title="Directory"
      description="The people, teams and names that the analysis looks for in feedback. Changes apply to feedback that arrives from now on."
    >
      {!workspace.canManage && (
        <Alert>
          <p>Only owners and admins can change the directory.</p>
        </Alert>
      )}
      <PeopleSection />
      <TeamsSection />
      <EntitiesSection />
    </Page>
  );
}

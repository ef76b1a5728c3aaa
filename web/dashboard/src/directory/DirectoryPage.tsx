import { Link } from 'react-router-dom';
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
      description="The people, teams and names that the analysis looks for in feedback."
    >
      <p>
        Changes apply to feedback as it arrives.{' '}
        {workspace.canManage && (
          <>
            To apply them to earlier feedback,{' '}
            <Link to={`/w/${workspace.id}/settings#analysis`}>re-analyse it</Link>.
          </>
        )}
      </p>
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

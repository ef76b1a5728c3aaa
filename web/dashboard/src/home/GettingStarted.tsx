import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState.tsx';

export function GettingStarted({ workspaceId }: { workspaceId: string }) {
  const base = `/w/${workspaceId}`;
  return (
    <EmptyState title="No feedback yet. Here is how to start listening.">
      <ol className="steps">
        <li>
          <strong>Invite your team.</strong> <Link to={`${base}/members`}>Invite colleagues</Link>{' '}
          so they can read and follow up on what customers say.
        </li>
        <li>
          <strong>Send feedback through the API.</strong>{' '}
          <Link to={`${base}/api-keys`}>Create an API key</Link>, then post feedback as the{' '}
          <a href="/api/docs" target="_blank" rel="noopener noreferrer">
            API documentation
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>{' '}
          describes.
        </li>
        <li>
          <strong>Or explore with demo data.</strong> Run <code>npx hearken seed demo</code> on the
          server to fill this workspace with made-up customers and feedback.
        </li>
        <li>
          <strong>More listening posts are coming.</strong> Surveys, email inboxes, feeds and
          imports will soon collect feedback for you.
        </li>
      </ol>
    </EmptyState>
  );
}

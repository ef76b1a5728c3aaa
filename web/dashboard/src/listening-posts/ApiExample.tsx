import { Link } from 'react-router-dom';
import { CopyBlock } from '../../../ui/CopyBlock.tsx';
import { useWorkspace } from '../session.ts';
import type { ListeningPost } from '../types.ts';

/** A working request, apart from the key; no apostrophes, so the shell quoting holds. */
export function curlCommand(origin: string, postId: string): string {
  const body = JSON.stringify({
    text: 'Setting up took five minutes. Great onboarding!',
    score: { type: 'nps', value: 9 },
    postId,
    contact: { email: 'customer@example.com' },
  });
  return [
    `curl -X POST ${origin}/api/v1/feedback \\`,
    `  -H "Authorization: Bearer <API key>" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join('\n');
}

export function ApiExample({ post }: { post: ListeningPost }) {
  const { id, canManage } = useWorkspace();
  return (
    <details className="post-api">
      <summary>How to send feedback here</summary>
      <div className="stack">
        <p>
          Post JSON to the API with a key whose role is agent or above, in place of{' '}
          <code>&lt;API key&gt;</code>.{' '}
          {canManage ? (
            <Link to={`/w/${id}/api-keys`}>Create a key</Link>
          ) : (
            'An owner or admin can create one.'
          )}
        </p>
        <CopyBlock
          value={curlCommand(window.location.origin, post.id)}
          copyLabel="Copy command"
          label={`Copy the command for ${post.name}`}
        />
        <p className="muted">
          Send up to 1,000 items at once as <code>{'{"items": [...]}'}</code>; the{' '}
          <a href="/api/docs" target="_blank" rel="noopener noreferrer">
            API documentation
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>{' '}
          lists every field.
        </p>
      </div>
    </details>
  );
}

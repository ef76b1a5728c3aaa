import { useState } from 'react';
import { Alert } from '../../../ui/Alert.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { ApiKeysTable } from './ApiKeysTable.tsx';
import { CreateKeyForm } from './CreateKeyForm.tsx';
import type { CreatedKey } from './queries.ts';
import { SecretBox } from './SecretBox.tsx';

export function ApiKeysPage() {
  const workspace = useWorkspace();
  // Held only in memory, and dropped when the user leaves the page: it must not be shown twice.
  const [created, setCreated] = useState<CreatedKey | null>(null);
  return (
    <Page
      title="API keys"
      description={
        <>
          Keys let other systems send feedback and read data through the{' '}
          <a href="/api/docs" target="_blank" rel="noopener noreferrer">
            HTTP API
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          . Each key acts with the role you give it.
        </>
      }
    >
      {workspace.canManage ? (
        <>
          <Section title="Create a key">
            <div className="stack">
              <CreateKeyForm onCreated={setCreated} />
              {created && <SecretBox created={created} onDismiss={() => setCreated(null)} />}
            </div>
          </Section>
          <Section title="Keys">
            <ApiKeysTable />
          </Section>
        </>
      ) : (
        <Alert>
          <p>Only owners and admins can see, create or revoke API keys.</p>
        </Alert>
      )}
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { Alert, ErrorNotice, FormError } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ConfirmButton } from '../../../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../../../ui/EmptyState.tsx';
import { TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Page, Section } from '../../../../ui/Page.tsx';
import { Loading } from '../../../../ui/Spinner.tsx';
import { canWorkWithFeedback } from '../../roles.ts';
import { useWorkspace } from '../../session.ts';
import {
  useCreateSnippet,
  useDeleteSnippet,
  useSnippets,
  useUpdateSnippet,
  type Snippet,
} from './snippetQueries.ts';
import './composer.css';

const PLACEHOLDER_HINT =
  'Placeholders: {{first_name}}, {{name}} and {{email}} are filled from the customer.';

function SnippetForm({
  initial,
  onSave,
  busy,
  error,
  submitLabel,
}: {
  initial: { name: string; body: string };
  onSave: (input: { name: string; body: string }) => Promise<unknown>;
  busy: boolean;
  error: Error | null;
  submitLabel: string;
}) {
  const [name, setName] = useState(initial.name);
  const [body, setBody] = useState(initial.body);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSave({ name, body }).catch(() => undefined);
  };
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextAreaField
        label="Text"
        name="body"
        required
        rows={5}
        maxLength={20_000}
        hint={PLACEHOLDER_HINT}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <FormError problem={error} />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function SnippetRow({ snippet, canEdit }: { snippet: Snippet; canEdit: boolean }) {
  const workspace = useWorkspace();
  const update = useUpdateSnippet(workspace.id);
  const remove = useDeleteSnippet(workspace.id);
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="composer-item">
        <SnippetForm
          initial={snippet}
          busy={update.isPending}
          error={update.error}
          submitLabel="Save"
          onSave={async (input) => {
            await update.mutateAsync({ id: snippet.id, ...input });
            setEditing(false);
          }}
        />
        <Button size="small" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </li>
    );
  return (
    <li className="composer-item">
      <p>
        <strong>{snippet.name}</strong>
      </p>
      <p className="feedback-text">{snippet.body}</p>
      {canEdit && (
        <div className="composer-actions">
          <Button size="small" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <ConfirmButton
            label={`Remove snippet ${snippet.name}`}
            title="Remove this snippet?"
            message="Replies already sent keep their text."
            confirmLabel="Remove"
            busy={remove.isPending}
            onConfirm={() => remove.mutate(snippet.id)}
          >
            Remove
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}

/** Reply snippets: starting points for replies. Admins write them; agents insert them. */
export function SnippetsPage() {
  const workspace = useWorkspace();
  const allowed = canWorkWithFeedback(workspace.role);
  const snippets = useSnippets(workspace.id, allowed);
  const create = useCreateSnippet(workspace.id);
  const [formKey, setFormKey] = useState(0);
  return (
    <Page
      title="Reply snippets"
      description="Starting points for replies. A reply that is only a snippet counts as a stock reply: agents are asked to make it personal."
    >
      {!allowed ? (
        <Alert>
          <p>Agents, admins and owners use snippets when they reply to customers.</p>
        </Alert>
      ) : (
        <>
          {workspace.canManage && (
            <Section title="Add a snippet">
              <SnippetForm
                key={formKey}
                initial={{ name: '', body: '' }}
                busy={create.isPending}
                error={create.error}
                submitLabel="Add snippet"
                onSave={async (input) => {
                  await create.mutateAsync(input);
                  setFormKey((k) => k + 1);
                }}
              />
            </Section>
          )}
          <Section title="Snippets">
            {snippets.isPending ? (
              <Loading />
            ) : snippets.isError ? (
              <ErrorNotice problem={snippets.error} onRetry={() => void snippets.refetch()} />
            ) : snippets.data.items.length === 0 ? (
              <EmptyState title="No snippets yet" />
            ) : (
              <ul className="composer-list">
                {snippets.data.items.map((snippet) => (
                  <SnippetRow key={snippet.id} snippet={snippet} canEdit={workspace.canManage} />
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}

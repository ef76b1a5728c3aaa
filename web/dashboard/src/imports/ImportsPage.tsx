import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Field, SelectField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useListeningPosts } from '../listening-posts/queries.ts';
import { useWorkspace } from '../session.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { useImports, usePreview, useStartImport } from './queries.ts';
import type { ColumnMapping } from './types.ts';
import './imports.css';

function UploadForm({ workspaceId }: { workspaceId: string }) {
  const posts = useListeningPosts(workspaceId);
  const [postId, setPostId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [edited, setEdited] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Changed after an import starts, to empty the file input (a file input cannot be set).
  const [inputKey, setInputKey] = useState(0);
  const preview = usePreview(workspaceId);
  const start = useStartImport(workspaceId);
  const options = (posts.data?.items ?? []).map((post) => ({ value: post.id, label: post.name }));
  const chosenPost = postId || options[0]?.value || '';

  const choose = (picked: File | null) => {
    setFile(picked);
    setEdited(false);
    setNotice(null);
    start.reset();
    if (!picked) return preview.reset();
    preview.mutate({ file: picked }, { onSuccess: (result) => setMapping(result.mapping ?? {}) });
  };
  const remap = (next: ColumnMapping) => {
    setMapping(next);
    setEdited(true);
    if (file) preview.mutate({ file, mapping: next });
  };
  const submit = () => {
    if (!file || !chosenPost) return;
    setSent(0);
    start.mutate(
      { file, postId: chosenPost, mapping: edited ? mapping : undefined, onProgress: setSent },
      {
        onSettled: () => setSent(null),
        onSuccess: (result) => {
          setNotice(
            result.duplicate
              ? 'This file was already imported into this post, so nothing was added.'
              : `${file.name} is uploaded; the import runs below.`,
          );
          setFile(null);
          setInputKey((key) => key + 1);
          preview.reset();
        },
      },
    );
  };

  if (posts.isPending) return <Loading />;
  if (options.length === 0)
    return (
      <Alert>
        <p>
          Add a listening post first (an “Import” post, for instance) on the{' '}
          <Link to={`/w/${workspaceId}/listening-posts`}>Listening posts</Link> page.
        </p>
      </Alert>
    );
  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <SelectField
        label="Listening post"
        name="postId"
        options={options}
        value={chosenPost}
        onChange={(event) => setPostId(event.target.value)}
      />
      <Field
        label="File"
        hint="CSV (any delimiter; UTF-8, UTF-16 or Windows-1252), JSON lines or XLSX, from Delighted, Qualtrics, SurveyMonkey, Typeform, Zendesk or anywhere else."
      >
        {(control) => (
          <input
            {...control}
            key={inputKey}
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.xlsx"
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <FormError problem={preview.error ?? start.error} />
      {preview.isPending && <Loading label="Reading the start of the file…" />}
      {file && preview.data && (
        <PreviewPanel preview={preview.data} mapping={mapping} onMappingChange={remap} />
      )}
      {sent !== null && (
        <progress className="import-bar" max={100} value={Math.round(sent * 100)}>
          Uploading {Math.round(sent * 100)}%
        </progress>
      )}
      <div role="status">{notice && <Alert tone="success">{<p>{notice}</p>}</Alert>}</div>
      <Button
        type="submit"
        variant="primary"
        busy={start.isPending}
        disabled={!file || !preview.data}
      >
        Import {file ? file.name : 'file'}
      </Button>
    </form>
  );
}

function RecentImports({ workspaceId }: { workspaceId: string }) {
  const imports = useImports(workspaceId);
  const posts = useListeningPosts(workspaceId);
  const names = new Map((posts.data?.items ?? []).map((post) => [post.id, post.name]));
  if (imports.isPending) return <Loading />;
  const items = imports.data?.items ?? [];
  if (items.length === 0) return <p>No imports yet.</p>;
  return (
    <div className="import-list">
      {items.map((record) => (
        <ImportProgress
          key={record.id}
          record={record}
          postName={names.get(record.postId) ?? 'a post'}
        />
      ))}
    </div>
  );
}

/** Upload a file from the tool a team leaves behind, preview how it reads, import and watch it. */
export function ImportsPage() {
  const workspace = useWorkspace();
  return (
    <Page
      title="Imports"
      description="Bring in feedback from the tools you used before: preview how a file reads, then import it. Importing the same file twice adds nothing."
    >
      {workspace.canManage ? (
        <>
          <Section title="Import a file">
            <UploadForm workspaceId={workspace.id} />
          </Section>
          <Section title="Recent imports">
            <RecentImports workspaceId={workspace.id} />
          </Section>
        </>
      ) : (
        <Alert>
          <p>Only owners and admins can import files.</p>
        </Alert>
      )}
    </Page>
  );
}

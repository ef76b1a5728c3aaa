import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import type { ApiKey } from '../types.ts';
import { useApiKeys, useRevokeKey } from './queries.ts';

export function ApiKeysTable() {
  const workspace = useWorkspace();
  const keys = useApiKeys(workspace.id);
  const revoke = useRevokeKey(workspace.id);

  if (keys.isPending) return <Loading />;
  if (keys.error) return <ErrorNotice problem={keys.error} onRetry={() => void keys.refetch()} />;
  if (keys.data.items.length === 0) {
    return <EmptyState title="No API keys yet." />;
  }
  return (
    <>
      <FormError problem={revoke.error} />
      <Table
        caption="API keys"
        rows={keys.data.items}
        rowKey={(key) => key.id}
        rowClassName={(key) => (key.revokedAt ? 'row-muted' : undefined)}
        columns={[
          { header: 'Name', cell: (key) => key.name },
          { header: 'Key', cell: (key) => <code>{key.prefix}…</code> },
          { header: 'Role', cell: (key) => humanize(key.role) },
          {
            header: 'Created',
            cell: (key) => (
              <>
                <RelativeTime iso={key.createdAt} />
                {key.createdByName && <span className="muted"> by {key.createdByName}</span>}
              </>
            ),
          },
          {
            header: 'Last used',
            cell: (key) => <RelativeTime iso={key.lastUsedAt} fallback="Never" />,
          },
          { header: 'Status', cell: (key) => <KeyStatus apiKey={key} /> },
          {
            header: 'Actions',
            cell: (key) =>
              !key.revokedAt && (
                <ConfirmButton
                  label={`Revoke key ${key.name}`}
                  title={`Revoke “${key.name}”?`}
                  message={<p>Systems using this key will get “401 Unauthorized” from now on.</p>}
                  confirmLabel="Revoke key"
                  busy={revoke.isPending && revoke.variables === key.id}
                  onConfirm={() => revoke.mutate(key.id)}
                >
                  Revoke
                </ConfirmButton>
              ),
          },
        ]}
      />
    </>
  );
}

function KeyStatus({ apiKey }: { apiKey: ApiKey }) {
  if (!apiKey.revokedAt) return <span className="badge badge-success">Active</span>;
  return (
    <span className="badge">
      Revoked <RelativeTime iso={apiKey.revokedAt} />
    </span>
  );
}

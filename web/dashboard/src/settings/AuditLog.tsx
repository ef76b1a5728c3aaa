import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import type { AuditEntry } from '../types.ts';
import { useAuditLog } from './queries.ts';

function target(entry: AuditEntry): string {
  if (!entry.targetType) return '—';
  return entry.targetId ? `${humanize(entry.targetType)} ${entry.targetId}` : entry.targetType;
}

function Details({ entry }: { entry: AuditEntry }) {
  if (Object.keys(entry.details).length === 0) return <span className="muted">—</span>;
  return <code className="cell-break">{JSON.stringify(entry.details)}</code>;
}

export function AuditLog() {
  const { id } = useWorkspace();
  const log = useAuditLog(id);

  if (log.isPending) return <Loading />;
  if (log.error) return <ErrorNotice problem={log.error} onRetry={() => void log.refetch()} />;
  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <EmptyState title="Nothing has happened yet." />;

  return (
    <div className="stack">
      <Table
        caption="Audit log"
        rows={entries}
        rowKey={(entry) => entry.id}
        columns={[
          {
            header: 'When',
            cell: (entry) => <RelativeTime iso={entry.at} />,
            className: 'nowrap',
          },
          { header: 'Who', cell: (entry) => entry.actorName ?? 'System' },
          { header: 'Action', cell: (entry) => <code>{entry.action}</code> },
          { header: 'Target', cell: target, className: 'cell-break' },
          { header: 'IP', cell: (entry) => entry.ip ?? '—' },
          { header: 'Details', cell: (entry) => <Details entry={entry} /> },
        ]}
      />
      {log.hasNextPage && (
        <Button busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}

import { useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { channelLabel } from '../feedback/labels.ts';
import { formatCount } from '../format.ts';
import { useListeningPosts } from '../listening-posts/queries.ts';
import { useWorkspace } from '../session.ts';
import type { RawItem } from '../types.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { DEAD_ITEMS_LIMIT, useDeadItems, useRetryDeadItem } from './queries.ts';

function pretty(payload: unknown): string {
  try {
    return JSON.stringify(payload, null, 2) ?? String(payload);
  } catch {
    return String(payload);
  }
}

/**
 * What was received, exactly, as text. Only an open disclosure renders it: payloads can be
 * large, and fifty of them need not all sit in the page.
 */
function Payload({ item }: { item: RawItem }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="payload" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Show payload<span className="visually-hidden"> of item {item.id}</span>
      </summary>
      {open && <pre>{pretty(item.payload)}</pre>}
    </details>
  );
}

export function DeadItemsSection() {
  const { id } = useWorkspace();
  const items = useDeadItems(id);
  const posts = useListeningPosts(id);
  const retry = useRetryDeadItem(id);
  const [retried, setRetried] = useState<number | null>(null);
  const postName = (postId: string | null) =>
    posts.data?.items.find((post) => post.id === postId)?.name ?? null;

  return (
    <Section
      id="unprocessed"
      title="Items that could not be processed"
      description="Feedback that arrived but failed every attempt to process it. It is kept exactly as received: fix the cause, then retry."
    >
      <div className="stack">
        <p role="status" className="muted">
          {retried === null ? '' : `Item ${retried} is queued to be processed again.`}
        </p>
        <FormError problem={retry.error} />
        {items.isPending && <Loading />}
        {items.error && <ErrorNotice problem={items.error} onRetry={() => void items.refetch()} />}
        {items.data?.items.length === 0 && (
          <EmptyState title="Nothing is stuck. Every item received has been processed or is on its way." />
        )}
        {items.data && items.data.items.length > 0 && (
          <>
            {items.data.items.length >= DEAD_ITEMS_LIMIT && (
              <p className="muted">The {formatCount(DEAD_ITEMS_LIMIT)} newest are shown.</p>
            )}
            <Table
              caption="Items that could not be processed"
              rows={items.data.items}
              rowKey={(item) => item.id}
              columns={[
                {
                  header: 'Received',
                  cell: (item) => <RelativeTime iso={item.receivedAt} />,
                  className: 'nowrap',
                },
                {
                  header: 'Source',
                  cell: (item) =>
                    [channelLabel(item.channel), postName(item.postId)].filter(Boolean).join(' · '),
                },
                {
                  header: 'Attempts',
                  cell: (item) => formatCount(item.attempts),
                  className: 'num',
                },
                { header: 'Error', cell: (item) => <ErrorDetails message={item.lastError} /> },
                { header: 'Payload', cell: (item) => <Payload item={item} /> },
                {
                  header: 'Actions',
                  cell: (item) => (
                    <Button
                      size="small"
                      aria-label={`Retry item ${item.id}`}
                      busy={retry.isPending && retry.variables === item.id}
                      onClick={() =>
                        retry.mutate(item.id, { onSuccess: () => setRetried(item.id) })
                      }
                    >
                      Retry
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Section>
  );
}

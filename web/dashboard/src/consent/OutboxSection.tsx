import { useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { useOutbox, useRetryMessage, type OutboxFilter } from './queries.ts';
import { MESSAGE_PURPOSES, OUTBOX_STATES, type OutboxMessage } from './types.ts';

const BADGE: Record<OutboxMessage['state'], string> = {
  queued: '',
  sending: '',
  sent: 'badge-success',
  local: '',
  failed: 'badge-danger',
  held: 'badge-warning',
  blocked: 'badge-danger',
  bounced: 'badge-danger',
};

function reasonOf(message: OutboxMessage) {
  if (message.state === 'held' && message.holdUntil)
    return (
      <>
        {message.stateReason} · until <RelativeTime iso={message.holdUntil} />
      </>
    );
  if (message.state === 'failed' || message.state === 'queued') return message.lastError;
  return message.stateReason;
}

/** Every message Hearken wrote: state, why it is held, blocked or bounced, and Retry for failed. */
export function OutboxSection() {
  const { id } = useWorkspace();
  const [filter, setFilter] = useState<OutboxFilter>({ state: '', purpose: '', to: '' });
  const outbox = useOutbox(id, filter);
  const retry = useRetryMessage(id);
  return (
    <Section
      title="Outbox"
      description="Every email Hearken writes goes here first. Without SMTP_URL it stays here (local) and nothing leaves the machine."
    >
      <div className="stack">
        <div className="email-filters">
          <SelectField
            label="State"
            name="state"
            value={filter.state}
            onChange={(e) =>
              setFilter({ ...filter, state: e.target.value as OutboxFilter['state'] })
            }
            options={[
              { value: '', label: 'Any' },
              ...OUTBOX_STATES.map((s) => ({ value: s, label: humanize(s) })),
            ]}
          />
          <SelectField
            label="Purpose"
            name="purpose"
            value={filter.purpose}
            onChange={(e) =>
              setFilter({ ...filter, purpose: e.target.value as OutboxFilter['purpose'] })
            }
            options={[
              { value: '', label: 'Any' },
              ...MESSAGE_PURPOSES.map((p) => ({ value: p, label: humanize(p) })),
            ]}
          />
          <TextField
            label="Recipient"
            name="to"
            type="search"
            value={filter.to}
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </div>
        <FormError problem={retry.error} />
        {outbox.isPending && <Loading />}
        {outbox.error && (
          <ErrorNotice problem={outbox.error} onRetry={() => void outbox.refetch()} />
        )}
        {outbox.data && outbox.data.items.length === 0 && <EmptyState title="No messages." />}
        {outbox.data && outbox.data.items.length > 0 && (
          <Table
            caption="Outbox messages"
            rows={outbox.data.items}
            rowKey={(m) => m.id}
            columns={[
              { header: 'To', cell: (m) => m.to },
              { header: 'Subject', cell: (m) => m.subject },
              { header: 'Purpose', cell: (m) => humanize(m.purpose) },
              {
                header: 'State',
                cell: (m) => <span className={`badge ${BADGE[m.state]}`}>{humanize(m.state)}</span>,
              },
              { header: 'Why', cell: reasonOf },
              { header: 'Written', cell: (m) => <RelativeTime iso={m.createdAt} /> },
              {
                header: 'Actions',
                cell: (m) =>
                  m.state === 'failed' && (
                    <Button
                      size="small"
                      aria-label={`Retry the message to ${m.to}`}
                      busy={retry.isPending && retry.variables === m.id}
                      onClick={() => retry.mutate(m.id)}
                    >
                      Retry
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </div>
    </Section>
  );
}

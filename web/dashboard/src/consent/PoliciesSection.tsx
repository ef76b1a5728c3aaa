import { useState, type FormEvent } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useWorkspace } from '../session.ts';
import { useDeletePolicy, usePolicies, useSavePolicy } from './queries.ts';
import type { LimitPolicy, PolicyInput } from './types.ts';

const TIERS = ['', 'strategic', 'standard', 'small'];
const LEVELS = ['', 'executive', 'manager', 'frontline'];
const blank: PolicyInput = {
  name: '',
  position: 0,
  segment: {},
  maxMessages: 3,
  windowHours: 720,
  minGapHours: 48,
};

function segmentText(segment: LimitPolicy['segment']) {
  const parts = [
    segment.accountTier && `${segment.accountTier} accounts`,
    segment.level && `${segment.level} level`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Everyone';
}

function PolicyForm({ policy, onDone }: { policy: LimitPolicy | null; onDone: () => void }) {
  const { id } = useWorkspace();
  const save = useSavePolicy(id);
  const [draft, setDraft] = useState<PolicyInput>(policy ?? blank);
  const number = (value: string) => Math.max(0, Math.floor(Number(value) || 0));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: policy?.id ?? null, input: draft }, { onSuccess: onDone });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={policy ? 'Edit policy' : 'New policy'}>
      <FormError problem={save.error} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <SelectField
        label="Account tier"
        name="accountTier"
        value={draft.segment.accountTier ?? ''}
        options={TIERS.map((t) => ({ value: t, label: t || 'Any' }))}
        onChange={(e) =>
          setDraft({
            ...draft,
            segment: { ...draft.segment, accountTier: e.target.value || undefined },
          })
        }
      />
      <SelectField
        label="Level"
        name="level"
        value={draft.segment.level ?? ''}
        options={LEVELS.map((l) => ({ value: l, label: l || 'Any' }))}
        onChange={(e) =>
          setDraft({ ...draft, segment: { ...draft.segment, level: e.target.value || undefined } })
        }
      />
      <TextField
        label="At most (messages)"
        name="maxMessages"
        type="number"
        min={1}
        required
        value={draft.maxMessages}
        onChange={(e) => setDraft({ ...draft, maxMessages: number(e.target.value) })}
      />
      <TextField
        label="Per window (hours)"
        name="windowHours"
        type="number"
        min={1}
        required
        value={draft.windowHours}
        onChange={(e) => setDraft({ ...draft, windowHours: number(e.target.value) })}
      />
      <TextField
        label="Minimum gap (hours)"
        name="minGapHours"
        type="number"
        min={0}
        value={draft.minGapHours}
        onChange={(e) => setDraft({ ...draft, minGapHours: number(e.target.value) })}
      />
      <TextField
        label="Position (lower is matched first)"
        name="position"
        type="number"
        min={0}
        value={draft.position}
        onChange={(e) => setDraft({ ...draft, position: number(e.target.value) })}
      />
      <div className="email-actions">
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save
        </Button>
        <Button type="button" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Contact limits across surveys, follow-ups, announcements and product reviews (admin). */
export function PoliciesSection() {
  const { id, canManage } = useWorkspace();
  const policies = usePolicies(id);
  const remove = useDeletePolicy(id);
  const [editing, setEditing] = useState<LimitPolicy | 'new' | null>(null);
  return (
    <Section
      title="Contact limits"
      description="At most N messages per window and a minimum gap, across every customer email except replies. The first matching policy applies."
      actions={
        canManage &&
        editing === null && <Button onClick={() => setEditing('new')}>Add policy</Button>
      }
    >
      <div className="stack">
        {editing !== null && (
          <PolicyForm policy={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
        <FormError problem={remove.error} />
        {policies.isPending && <Loading />}
        {policies.error && (
          <ErrorNotice problem={policies.error} onRetry={() => void policies.refetch()} />
        )}
        {policies.data && policies.data.items.length === 0 && (
          <EmptyState title="No contact limits: customers can get any number of messages." />
        )}
        {policies.data && policies.data.items.length > 0 && (
          <Table
            caption="Contact limit policies"
            rows={policies.data.items}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Name', cell: (p) => p.name },
              { header: 'Applies to', cell: (p) => segmentText(p.segment) },
              {
                header: 'Limit',
                cell: (p) => `${p.maxMessages} per ${p.windowHours} h, ${p.minGapHours} h apart`,
              },
              {
                header: 'Actions',
                cell: (p) =>
                  canManage && (
                    <div className="email-actions">
                      <Button
                        size="small"
                        aria-label={`Edit ${p.name}`}
                        onClick={() => setEditing(p)}
                      >
                        Edit
                      </Button>
                      <ConfirmButton
                        label={`Delete ${p.name}`}
                        title="Delete this policy?"
                        message={`${p.name} no longer limits messages.`}
                        confirmLabel="Delete"
                        busy={remove.isPending && remove.variables === p.id}
                        onConfirm={() => remove.mutate(p.id)}
                      >
                        Delete
                      </ConfirmButton>
                    </div>
                  ),
              },
            ]}
          />
        )}
      </div>
    </Section>
  );
}

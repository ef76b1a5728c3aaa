import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { useWorkspace } from '../session.ts';
import { FeedbackConditionFields, SpikeConditionFields } from './ConditionFields.tsx';
import { DestinationFields } from './DestinationFields.tsx';
import {
  destinationFromDraft,
  emptyDestination,
  type DestinationDraft,
} from './destinationDraft.ts';
import { conditionsFromDraft, draftFromRule, emptyDraft, type RuleDraft } from './draft.ts';
import { useCreateRule, useUpdateRule } from './queries.ts';
import { SecretNotice } from './SecretNotice.tsx';
import type { AlertRule } from './types.ts';

interface RuleEditorProps {
  /** The rule to edit; a new rule when absent. */
  rule?: AlertRule;
  onCancel: () => void;
  onSaved: (message: string) => void;
}

/**
 * The rule form. A new rule takes its destinations here; an existing rule's destinations are
 * added and removed beside it in the list (their secrets exist only when they are made).
 */
export function RuleEditor({ rule, onCancel, onSaved }: RuleEditorProps) {
  const { id } = useWorkspace();
  const create = useCreateRule(id);
  const update = useUpdateRule(id);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyDraft));
  const [destinations, setDestinations] = useState<DestinationDraft[]>([emptyDestination]);
  const [secrets, setSecrets] = useState<string[]>([]);
  const change = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const mutation = rule ? update : create;

  if (secrets.length > 0)
    return (
      <SecretNotice secrets={secrets} onDismiss={() => onSaved(`Rule “${draft.name}” added.`)} />
    );

  const submit = () => {
    const base = {
      name: draft.name.trim(),
      enabled: draft.enabled,
      conditions: conditionsFromDraft(draft),
    };
    if (rule) {
      update.mutate(
        { id: rule.id, patch: base },
        { onSuccess: () => onSaved(`Rule “${base.name}” saved.`) },
      );
      return;
    }
    create.mutate(
      {
        ...base,
        // An e-mail destination left empty means "on this page only".
        destinations: destinations
          .filter((item) => item.kind !== 'email' || item.addresses.trim() || item.roles.length)
          .map(destinationFromDraft),
      },
      {
        onSuccess: (created) => {
          if (created.secrets.length > 0) setSecrets(created.secrets.map((item) => item.secret));
          else onSaved(`Rule “${base.name}” added.`);
        },
      },
    );
  };

  return (
    <form
      className="form rule-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError problem={mutation.error} fields={['name']} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Unhappy strategic accounts"
        value={draft.name}
        error={fieldError(mutation.error, 'name')}
        onChange={(event) => change({ name: event.target.value })}
      />
      <Checkbox
        label="Enabled"
        name="enabled"
        checked={draft.enabled}
        onChange={(event) => change({ enabled: event.target.checked })}
      />
      <fieldset className="checkbox-group">
        <legend>Watch</legend>
        <div className="checkbox-row">
          {(
            [
              ['feedback', 'Each new feedback item'],
              ['spike', 'Spikes in volume'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="trigger"
                value={value}
                checked={draft.trigger === value}
                onChange={() => change({ trigger: value })}
              />{' '}
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {draft.trigger === 'feedback' ? (
        <FeedbackConditionFields draft={draft} change={change} />
      ) : (
        <SpikeConditionFields draft={draft} change={change} />
      )}
      {!rule && (
        <>
          <h3 className="rule-editor-heading">Tell</h3>
          <p className="field-hint">
            Leave the e-mail addresses empty to see the alerts on this page only.
          </p>
          {destinations.map((destination, index) => (
            <div key={index} className="destination-draft">
              <DestinationFields
                draft={destination}
                prefix={destinations.length > 1 ? `Destination ${index + 1}: ` : ''}
                change={(patch) =>
                  setDestinations((all) =>
                    all.map((item, at) => (at === index ? { ...item, ...patch } : item)),
                  )
                }
              />
              {destinations.length > 1 && (
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => setDestinations((all) => all.filter((_, at) => at !== index))}
                >
                  Remove destination {index + 1}
                </Button>
              )}
            </div>
          ))}
          {destinations.length < 10 && (
            <Button
              size="small"
              onClick={() => setDestinations((all) => [...all, emptyDestination])}
            >
              Add another destination
            </Button>
          )}
        </>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {rule ? 'Save rule' : 'Add rule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useWorkspace } from '../session.ts';
import { DestinationFields } from './DestinationFields.tsx';
import { destinationFromDraft, emptyDestination } from './destinationDraft.ts';
import { describeCondition, KIND_LABELS } from './labels.ts';
import {
  useAddDestination,
  useAlertRules,
  useDeleteRule,
  useRemoveDestination,
  useTestRule,
  useUpdateRule,
} from './queries.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { SecretNotice } from './SecretNotice.tsx';
import type { AlertRule } from './types.ts';

/** A button that opens its content in a dialog; closing hands focus back to the button. */
export function DialogButton(props: {
  children: ReactNode;
  label?: string;
  title: string;
  variant?: 'primary' | 'secondary' | 'ghost';
  content: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button
        variant={props.variant}
        size={props.variant === 'primary' ? 'normal' : 'small'}
        aria-label={props.label}
        onClick={() => setOpen(true)}
      >
        {props.children}
      </Button>
      {open && (
        <Dialog title={props.title} onClose={close}>
          {props.content(close)}
        </Dialog>
      )}
    </>
  );
}

function AddDestinationForm({ rule, onDone }: { rule: AlertRule; onDone: () => void }) {
  const { id } = useWorkspace();
  const add = useAddDestination(id, rule.id);
  const [draft, setDraft] = useState(emptyDestination);
  const [secret, setSecret] = useState<string | null>(null);
  if (secret) return <SecretNotice secrets={[secret]} onDismiss={onDone} />;
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(destinationFromDraft(draft), {
          onSuccess: (result) => (result.secret ? setSecret(result.secret) : onDone()),
        });
      }}
    >
      <FormError problem={add.error} />
      <DestinationFields draft={draft} change={(patch) => setDraft({ ...draft, ...patch })} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={add.isPending}>
          Add destination
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function RuleItem({ rule, notice }: { rule: AlertRule; notice: (message: string) => void }) {
  const { id, canManage } = useWorkspace();
  const update = useUpdateRule(id);
  const remove = useDeleteRule(id);
  const removeDestination = useRemoveDestination(id, rule.id);
  const test = useTestRule(id);
  return (
    <li className="rule-item">
      <div className="feedback-head">
        <span className="feedback-who">{rule.name}</span>
        <span className={rule.enabled ? 'badge badge-success' : 'badge'}>
          {rule.enabled ? 'On' : 'Off'}
        </span>
      </div>
      <ul className="rule-conditions">
        {rule.conditions.map((condition, index) => (
          <li key={index}>{describeCondition(condition)}</li>
        ))}
      </ul>
      <ul className="rule-destinations" aria-label={`Destinations of ${rule.name}`}>
        {rule.destinations.length === 0 && <li className="muted">Shown on this page only</li>}
        {rule.destinations.map((destination) => (
          <li key={destination.id}>
            {KIND_LABELS[destination.kind]}
            {destination.signed ? ' (signed)' : ''}:{' '}
            <span className="alert-target">{destination.label}</span>
            {canManage && (
              <ConfirmButton
                label={`Remove ${KIND_LABELS[destination.kind]} ${destination.label} from ${rule.name}`}
                title="Remove this destination?"
                message={
                  <p>
                    Alerts from “{rule.name}” will no longer go to {destination.label}.
                  </p>
                }
                confirmLabel="Remove"
                busy={removeDestination.isPending}
                onConfirm={() => removeDestination.mutate(destination.id)}
              >
                Remove
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
      {test.data && (
        <div role="status">
          {test.data.results.map((result) => (
            <Alert key={result.destinationId} tone={result.ok ? 'success' : 'danger'}>
              <p>
                Test by {KIND_LABELS[result.kind]}: {result.ok ? 'sent' : 'failed'} ({result.detail}
                )
              </p>
            </Alert>
          ))}
        </div>
      )}
      {test.error && <ErrorNotice problem={test.error} />}
      {canManage && (
        <div className="rule-actions">
          <DialogButton
            title={`Edit “${rule.name}”`}
            label={`Edit rule ${rule.name}`}
            content={(close) => (
              <RuleEditor
                rule={rule}
                onCancel={close}
                onSaved={(message) => {
                  close();
                  notice(message);
                }}
              />
            )}
          >
            Edit
          </DialogButton>
          <Button
            size="small"
            busy={update.isPending}
            aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} rule ${rule.name}`}
            onClick={() => update.mutate({ id: rule.id, patch: { enabled: !rule.enabled } })}
          >
            {rule.enabled ? 'Turn off' : 'Turn on'}
          </Button>
          <DialogButton
            title={`Add a destination to “${rule.name}”`}
            label={`Add a destination to ${rule.name}`}
            content={(close) => <AddDestinationForm rule={rule} onDone={close} />}
          >
            Add destination
          </DialogButton>
          {rule.destinations.length > 0 && (
            <Button
              size="small"
              busy={test.isPending}
              aria-label={`Send a test of ${rule.name}`}
              onClick={() => test.mutate(rule.id)}
            >
              Send test
            </Button>
          )}
          <ConfirmButton
            label={`Delete rule ${rule.name}`}
            title={`Delete “${rule.name}”?`}
            message={<p>The rule, its destinations and the alerts it fired are removed.</p>}
            confirmLabel="Delete rule"
            busy={remove.isPending}
            onConfirm={() =>
              remove.mutate(rule.id, { onSuccess: () => notice(`Rule “${rule.name}” deleted.`) })
            }
          >
            Delete
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}

export function RulesSection({ notice }: { notice: (message: string) => void }) {
  const { id, canManage } = useWorkspace();
  const rules = useAlertRules(id);
  return (
    <Section
      title="Rules"
      description="Who is told, and how, when feedback or a spike matches."
      actions={
        canManage && (
          <DialogButton
            title="Add an alert rule"
            variant="primary"
            content={(close) => (
              <RuleEditor
                onCancel={close}
                onSaved={(message) => {
                  close();
                  notice(message);
                }}
              />
            )}
          >
            Add rule
          </DialogButton>
        )
      }
    >
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorNotice problem={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState title="No rules yet.">
          <p>
            For instance: tell the account team at once when a strategic account scores 6 or less.
          </p>
        </EmptyState>
      ) : (
        <ul className="rule-list">
          {rules.data.items.map((rule) => (
            <RuleItem key={rule.id} rule={rule} notice={notice} />
          ))}
        </ul>
      )}
    </Section>
  );
}

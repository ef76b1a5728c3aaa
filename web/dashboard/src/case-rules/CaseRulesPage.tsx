import { useState } from 'react';
import { Alert, ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { DialogButton } from '../alerts/RulesSection.tsx';
import '../alerts/alerts.css';
import { useWorkspace } from '../session.ts';
import { CaseRuleEditor } from './CaseRuleEditor.tsx';
import { describeCaseCondition, STAGE_LABELS, STAGES, STRATEGY_LABELS } from './draft.ts';
import {
  useCaseRules,
  useDeleteCaseRule,
  usePreviewRouting,
  useReorderCaseRules,
  useUpdateCaseRule,
} from './queries.ts';
import type { CaseRule } from './types.ts';

function deadlineText(rule: CaseRule) {
  const parts = STAGES.flatMap((stage) => {
    const deadline = rule.deadlines[stage];
    if (!deadline) return [];
    return [
      `${STAGE_LABELS[stage]} ${deadline.hours} h${deadline.businessHours ? ' (business hours)' : ''}`,
    ];
  });
  return parts.length > 0 ? parts.join(' · ') : 'No deadlines';
}

interface ItemProps {
  rule: CaseRule;
  index: number;
  order: string[];
  notice: (message: string) => void;
}

function CaseRuleItem({ rule, index, order, notice }: ItemProps) {
  const { id, canManage } = useWorkspace();
  const update = useUpdateCaseRule(id);
  const remove = useDeleteCaseRule(id);
  const reorder = useReorderCaseRules(id);
  const move = (by: number) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    reorder.mutate(next);
  };
  return (
    <li className="rule-item">
      <div className="feedback-head">
        <span className="feedback-who">
          {index + 1}. {rule.name}
        </span>
        <span className={rule.enabled ? 'badge badge-success' : 'badge'}>
          {rule.enabled ? 'On' : 'Off'}
        </span>
        {rule.kind === 'thank_you' && <span className="badge">Thank-you loop</span>}
      </div>
      <ul className="rule-conditions">
        {rule.conditions.length === 0 && <li>Every item</li>}
        {rule.conditions.map((condition, at) => (
          <li key={at}>{describeCaseCondition(condition)}</li>
        ))}
      </ul>
      <p className="muted">
        {STRATEGY_LABELS[rule.assignment.strategy]} · {deadlineText(rule)}
        {rule.mergeIntoOpen ? ' · merges into open cases' : ''}
      </p>
      {update.error && <ErrorNotice problem={update.error} />}
      {remove.error && <ErrorNotice problem={remove.error} />}
      {reorder.error && <ErrorNotice problem={reorder.error} />}
      {canManage && (
        <div className="rule-actions">
          <Button
            size="small"
            disabled={index === 0}
            busy={reorder.isPending}
            aria-label={`Move ${rule.name} up`}
            onClick={() => move(-1)}
          >
            Up
          </Button>
          <Button
            size="small"
            disabled={index === order.length - 1}
            busy={reorder.isPending}
            aria-label={`Move ${rule.name} down`}
            onClick={() => move(1)}
          >
            Down
          </Button>
          <DialogButton
            title={`Edit “${rule.name}”`}
            label={`Edit rule ${rule.name}`}
            content={(close) => (
              <CaseRuleEditor
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
          <ConfirmButton
            label={`Delete rule ${rule.name}`}
            title={`Delete “${rule.name}”?`}
            message={<p>The rule goes; the cases it opened stay.</p>}
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

function PreviewSection() {
  const { id } = useWorkspace();
  const preview = usePreviewRouting(id);
  const [feedbackId, setFeedbackId] = useState('');
  const result = preview.data;
  return (
    <Section title="Preview" description="Which rule would route a feedback item, and why.">
      <form
        className="form inline-fields"
        onSubmit={(event) => {
          event.preventDefault();
          preview.mutate(feedbackId.trim());
        }}
      >
        <FormError problem={preview.error} />
        <TextField
          label="Feedback id"
          name="feedbackId"
          autoComplete="off"
          value={feedbackId}
          onChange={(event) => setFeedbackId(event.target.value)}
        />
        <Button type="submit" busy={preview.isPending}>
          Preview
        </Button>
      </form>
      {result && (
        <div role="status">
          <p>
            {result.rule
              ? `Routed by “${result.rule.name}”: ${result.matched.map((m) => m.detail).join(', ') || 'every item'}.`
              : 'No rule routes this item.'}
            {result.tooOld && ' It was received over 72 hours ago, so it opens no case.'}
            {result.caseId && ' It is already in a case.'}
          </p>
          {result.tried.length > 0 && (
            <ul>
              {result.tried.map((tried) => (
                <li key={tried.ruleId}>
                  {tried.name}:{' '}
                  {tried.failed === 'disabled' ? 'off' : `${tried.failed} did not hold`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}

export function CaseRulesPage() {
  const { id, canManage } = useWorkspace();
  const rules = useCaseRules(id);
  const [notice, setNotice] = useState<string | null>(null);
  const order = rules.data?.items.map((rule) => rule.id) ?? [];
  return (
    <Page
      title="Case rules"
      description="Which feedback opens a case, who owns it and how long each stage may take. The first matching rule wins."
    >
      <div role="status" className="notice-region">
        {notice && (
          <Alert tone="success">
            <p>{notice}</p>
          </Alert>
        )}
      </div>
      <Section
        title="Rules"
        description="Tried from the top; the first enabled rule whose conditions all hold routes the item."
        actions={
          canManage && (
            <DialogButton
              title="Add a case rule"
              variant="primary"
              content={(close) => (
                <CaseRuleEditor
                  onCancel={close}
                  onSaved={(message) => {
                    close();
                    setNotice(message);
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
          <EmptyState title="No case rules yet.">
            <p>
              For instance: NPS detractors become a case for the account owner within 4 business
              hours.
            </p>
          </EmptyState>
        ) : (
          <ol className="rule-list">
            {rules.data.items.map((rule, index) => (
              <CaseRuleItem
                key={rule.id}
                rule={rule}
                index={index}
                order={order}
                notice={setNotice}
              />
            ))}
          </ol>
        )}
      </Section>
      <PreviewSection />
    </Page>
  );
}

import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextAreaField } from '../../../ui/Field.tsx';
import { fieldError, type Problem } from '../../../ui/problem.ts';
import { useThemes } from '../themes/queries.ts';
import { OUTCOME_LABELS } from './labels.ts';
import { useCaseChange } from './queries.ts';
import type { CaseDetail, CaseOutcome } from './types.ts';

interface CloseInput {
  outcome: CaseOutcome;
  rootCauseThemeId?: string;
  actionTaken: string;
}

/** Closing asks for the outcome, the root cause as a theme, and what was done. */
export function CloseDialog({
  detail,
  workspaceId,
  onClose,
}: {
  detail: CaseDetail;
  workspaceId: string;
  onClose: () => void;
}) {
  const close = useCaseChange<CloseInput>(workspaceId, detail.case.id, 'close');
  const themes = useThemes(workspaceId, { window: '365d' });
  const [outcome, setOutcome] = useState<CaseOutcome>('resolved');
  const [themeId, setThemeId] = useState('');
  const [actionTaken, setActionTaken] = useState('');
  const thankYou = detail.case.kind === 'thank_you';
  const problem = close.error as Problem | null;
  const linked = detail.actions.length;

  return (
    <Dialog title={`Close case #${detail.case.number}`} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(
            { outcome, actionTaken, ...(themeId ? { rootCauseThemeId: themeId } : {}) },
            { onSuccess: onClose },
          );
        }}
      >
        <SelectField
          name="outcome"
          label="Outcome"
          value={outcome}
          options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(event) => setOutcome(event.target.value as CaseOutcome)}
        />
        <SelectField
          name="status"
          label="Root cause (theme)"
          hint={thankYou ? 'Optional for a thank-you loop.' : 'So fixes can be counted per theme.'}
          value={themeId}
          required={!thankYou}
          error={fieldError(problem, 'rootCauseThemeId')}
          options={[
            { value: '', label: themes.isPending ? 'Loading themes…' : 'Choose a theme' },
            ...(themes.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
          ]}
          onChange={(event) => setThemeId(event.target.value)}
        />
        <TextAreaField
          name="status"
          label="Action taken"
          hint={
            linked > 0
              ? `${linked} linked action${linked === 1 ? ' counts' : 's count'} as the action taken; add a note if you like.`
              : 'What was done for this customer (or link an action first).'
          }
          value={actionTaken}
          maxLength={5000}
          rows={3}
          error={fieldError(problem, 'actionTaken')}
          onChange={(event) => setActionTaken(event.target.value)}
        />
        <FormError problem={problem} fields={['rootCauseThemeId', 'actionTaken']} />
        <div className="dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={close.isPending}>
            Close case
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

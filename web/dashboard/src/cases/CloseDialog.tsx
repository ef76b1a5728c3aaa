import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError, type Problem } from '../../../ui/problem.ts';
import { api, wsPath } from '../api.ts';
import { useThemes } from '../themes/queries.ts';
import { OUTCOME_LABELS } from './labels.ts';
import { useCaseChange } from './queries.ts';
import type { CaseDetail, CaseOutcome } from './types.ts';

interface CloseInput {
  outcome: CaseOutcome;
  rootCauseThemeId?: string;
  actionTaken: string;
}

/** The select's value for "a root cause no theme names yet": staff name it here. */
const NEW_THEME = 'new';

/**
 * Closing asks for the outcome, the root cause as a theme, and what was done. A root cause that
 * clustering has not found yet can be named here; it becomes a pinned theme.
 */
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
  const [newTheme, setNewTheme] = useState('');
  const [themeProblem, setThemeProblem] = useState<Problem | null>(null);
  const [actionTaken, setActionTaken] = useState('');
  const thankYou = detail.case.kind === 'thank_you';
  const problem = (close.error as Problem | null) ?? themeProblem;
  const linked = detail.actions.length;

  return (
    <Dialog title={`Close case #${detail.case.number}`} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void (async () => {
            let rootCauseThemeId = themeId;
            if (themeId === NEW_THEME) {
              try {
                setThemeProblem(null);
                const created = await api.post<{ id: string }>(wsPath(workspaceId, 'themes'), {
                  name: newTheme,
                });
                rootCauseThemeId = created.id;
                setThemeId(created.id);
              } catch (error) {
                setThemeProblem(error as Problem);
                return;
              }
            }
            close.mutate(
              { outcome, actionTaken, ...(rootCauseThemeId ? { rootCauseThemeId } : {}) },
              { onSuccess: onClose },
            );
          })();
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
          name="rootCauseThemeId"
          label="Root cause (theme)"
          hint={thankYou ? 'Optional for a thank-you loop.' : 'So fixes can be counted per theme.'}
          value={themeId}
          required={!thankYou}
          error={fieldError(problem, 'rootCauseThemeId')}
          options={[
            { value: '', label: themes.isPending ? 'Loading themes…' : 'Choose a theme' },
            ...(themes.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
            { value: NEW_THEME, label: 'A new root cause…' },
          ]}
          onChange={(event) => setThemeId(event.target.value)}
        />
        {themeId === NEW_THEME && (
          <TextField
            name="name"
            label="Name the root cause"
            hint="It becomes a theme of its own, kept when themes are re-clustered."
            value={newTheme}
            required
            maxLength={80}
            error={fieldError(problem, 'name')}
            onChange={(event) => setNewTheme(event.target.value)}
          />
        )}
        <TextAreaField
          name="actionTaken"
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
        <FormError problem={problem} fields={['rootCauseThemeId', 'actionTaken', 'name']} />
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

import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { isApiError } from '../api.ts';
import { formText } from '../forms.ts';
import { useTouchpoints } from '../listening-posts/queries.ts';
import { useWorkspace } from '../session.ts';
import { useSaveSurvey, type Survey } from './queries.ts';
import { definitionOf, NEW_SURVEY_DEFINITION } from './template.ts';

interface Props {
  survey?: Survey;
  onDone: (saved: Survey) => void;
  onCancel: () => void;
}

/**
 * Name, touchpoint and the survey's definition as JSON (questions, skip rules, languages,
 * triggers; docs/surveys.md lists every field). The server checks it and names each problem.
 */
export function SurveyEditor({ survey, onDone, onCancel }: Props) {
  const workspace = useWorkspace();
  const touchpoints = useTouchpoints(workspace.id);
  const save = useSaveSurvey(workspace.id, survey?.id);
  const [jsonError, setJsonError] = useState<string | undefined>();
  const initial = JSON.stringify(survey ? definitionOf(survey) : NEW_SURVEY_DEFINITION, null, 2);
  const definitionProblems = (isApiError(save.error) ? save.error.details : [])
    .filter(
      (detail) =>
        detail.path.startsWith('body.') && !/^body\.(name|touchpointId)/.test(detail.path),
    )
    .map((detail) => `${detail.path.slice(5)}: ${detail.message}`);
  return (
    <form
      className="form stack"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        let definition: Record<string, unknown>;
        try {
          definition = JSON.parse(formText(data, 'definition')) as Record<string, unknown>;
        } catch (error) {
          setJsonError(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        setJsonError(undefined);
        const touchpointId = formText(data, 'touchpointId');
        save.mutate(
          {
            ...definition,
            name: formText(data, 'name'),
            ...(touchpointId ? { touchpointId } : survey ? { touchpointId: null } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <FormError problem={save.error} fields={['name', 'touchpointId']} />
      <TextField
        label="Name"
        name="name"
        required
        defaultValue={survey?.name ?? ''}
        error={fieldError(save.error, 'name')}
      />
      <SelectField
        label="Touchpoint"
        name="touchpointId"
        defaultValue={survey?.touchpointId ?? ''}
        options={[
          { value: '', label: 'None' },
          ...(touchpoints.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
        ]}
      />
      <TextAreaField
        label="Questions, languages and triggers (JSON)"
        name="definition"
        rows={24}
        spellCheck={false}
        className="code"
        defaultValue={initial}
        hint="Types: nps, csat, ces, rating (scale 2–10), text, single, multiple, consent. Skip rules: { if: { op, value }, goTo: laterQuestionId | 'end' }. Every text needs every language."
        error={
          jsonError ?? (definitionProblems.length > 0 ? definitionProblems.join('; ') : undefined)
        }
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {survey ? 'Save survey' : 'Create survey'}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

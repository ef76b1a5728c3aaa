import { useMemo } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { Loading } from '../../../ui/Spinner.tsx';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import type { Workspace } from '../types.ts';
import { useUpdateWorkspace, useWorkspaceDetails } from './queries.ts';
import { timeZoneOptions } from './timeZones.ts';

export function WorkspaceForm() {
  const { id } = useWorkspace();
  const details = useWorkspaceDetails(id);
  if (details.isPending) return <Loading />;
  if (details.error) {
    return <ErrorNotice problem={details.error} onRetry={() => void details.refetch()} />;
  }
  return <Form workspace={details.data} />;
}

function Form({ workspace }: { workspace: Workspace }) {
  const { canManage } = useWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const zones = useMemo(() => timeZoneOptions(workspace.timezone), [workspace.timezone]);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        update.mutate({ name: formText(data, 'name'), timezone: formText(data, 'timezone') });
      }}
    >
      <fieldset disabled={!canManage} className="fieldset-plain">
        <legend className="visually-hidden">Workspace settings</legend>
        <FormError problem={update.error} fields={['name', 'timezone']} />
        <TextField
          label="Workspace name"
          name="name"
          required
          maxLength={120}
          defaultValue={workspace.name}
          error={fieldError(update.error, 'name')}
        />
        <SelectField
          label="Time zone"
          name="timezone"
          options={zones}
          defaultValue={workspace.timezone}
          hint="Reports group answers by day and month in this zone."
          error={fieldError(update.error, 'timezone')}
        />
        {canManage ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={update.isPending}>
              Save changes
            </Button>
            <span role="status" className="muted">
              {update.isSuccess ? 'Saved.' : ''}
            </span>
          </div>
        ) : (
          <p className="muted">Only owners and admins can change these settings.</p>
        )}
      </fieldset>
    </form>
  );
}

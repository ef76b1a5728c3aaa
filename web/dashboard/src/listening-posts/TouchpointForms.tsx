import type { UseMutationResult } from '@tanstack/react-query';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import type { Touchpoint } from '../types.ts';
import { useCreateTouchpoint, useUpdateTouchpoint } from './queries.ts';
import type { TouchpointInput } from './queries.ts';

interface FormProps {
  onCancel: () => void;
  onSaved: (touchpoint: Touchpoint) => void;
}

interface ViewProps extends FormProps {
  initial?: Touchpoint;
  save: UseMutationResult<Touchpoint, Error, TouchpointInput>;
  submitLabel: string;
}

function TouchpointFormView({ initial, save, submitLabel, onCancel, onSaved }: ViewProps) {
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        save.mutate(
          { name: formText(data, 'name'), description: formText(data, 'description') },
          { onSuccess: onSaved },
        );
      }}
    >
      <FormError problem={save.error} fields={['name', 'description']} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Onboarding"
        defaultValue={initial?.name}
        error={fieldError(save.error, 'name')}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={2000}
        hint="Optional. What happens for the customer at this moment."
        defaultValue={initial?.description}
        error={fieldError(save.error, 'description')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

export function NewTouchpointForm(props: FormProps) {
  const { id } = useWorkspace();
  const create = useCreateTouchpoint(id);
  return <TouchpointFormView {...props} save={create} submitLabel="Add touchpoint" />;
}

export function EditTouchpointForm({
  touchpoint,
  ...props
}: FormProps & { touchpoint: Touchpoint }) {
  const { id } = useWorkspace();
  const update = useUpdateTouchpoint(id, touchpoint.id);
  return (
    <TouchpointFormView {...props} initial={touchpoint} save={update} submitLabel="Save changes" />
  );
}

import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formText } from '../forms.ts';
import { isRole, ROLE_HINT, roleOptions } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { useCreateKey } from './queries.ts';
import type { CreatedKey } from './queries.ts';

export function CreateKeyForm({ onCreated }: { onCreated: (created: CreatedKey) => void }) {
  const workspace = useWorkspace();
  const create = useCreateKey(workspace.id);
  return (
    <form
      className="form form-inline"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const role = formText(data, 'role');
        if (!isRole(role)) return;
        create.mutate(
          { name: formText(data, 'name'), role },
          {
            onSuccess: (created) => {
              form.reset();
              onCreated(created);
            },
          },
        );
      }}
    >
      <FormError problem={create.error} fields={['name', 'role']} />
      <TextField
        label="Key name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. CRM sync"
        error={fieldError(create.error, 'name')}
      />
      <SelectField
        label="Role"
        name="role"
        options={roleOptions}
        defaultValue="agent"
        hint={ROLE_HINT}
        error={fieldError(create.error, 'role')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create key
        </Button>
      </div>
    </form>
  );
}

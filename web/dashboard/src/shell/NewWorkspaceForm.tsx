import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { api } from '../api.ts';
import { formText } from '../forms.ts';
import { meQuery } from '../session.ts';
import type { Me, MeWorkspace } from '../types.ts';

interface NewWorkspaceFormProps {
  onCancel?: () => void;
  onCreated?: () => void;
}

export function NewWorkspaceForm({ onCancel, onCreated }: NewWorkspaceFormProps) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (name: string) => api.post<MeWorkspace>('/api/v1/workspaces', { name }),
    onSuccess: (workspace) => {
      // Add it to "me" at once, so the workspace route recognises it before the refetch.
      client.setQueryData<Me>(meQuery.queryKey, (me) =>
        me ? { ...me, workspaces: [...me.workspaces, workspace] } : me,
      );
      void client.invalidateQueries({ queryKey: meQuery.queryKey });
      onCreated?.();
      void navigate(`/w/${workspace.id}`);
    },
  });

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(formText(new FormData(event.currentTarget), 'name'));
      }}
    >
      <FormError problem={create.error} fields={['name']} />
      <TextField
        label="Workspace name"
        name="name"
        required
        maxLength={120}
        autoComplete="organization"
        error={fieldError(create.error, 'name')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create workspace
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}

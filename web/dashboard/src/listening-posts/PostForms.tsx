import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { Option } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import type { ListeningPost } from '../types.ts';
import { isPostKind, kindOptions } from './labels.ts';
import { useCreatePost, useTouchpoints, useUpdatePost } from './queries.ts';

interface FormProps {
  onCancel: () => void;
  onSaved: (post: ListeningPost) => void;
}

const NONE = '';

function useTouchpointOptions(): Option[] {
  const { id } = useWorkspace();
  const touchpoints = useTouchpoints(id);
  return [
    { value: NONE, label: 'No touchpoint' },
    ...(touchpoints.data?.items ?? []).map((touchpoint) => ({
      value: touchpoint.id,
      label: touchpoint.name,
    })),
  ];
}

const TOUCHPOINT_HINT = 'The moment of the customer journey this post listens to.';

export function NewPostForm({
  touchpointId,
  onCancel,
  onSaved,
}: FormProps & { touchpointId?: string }) {
  const { id } = useWorkspace();
  const create = useCreatePost(id);
  const touchpoints = useTouchpointOptions();
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const kind = formText(data, 'kind');
        if (!isPostKind(kind)) return;
        const touchpoint = formText(data, 'touchpointId');
        create.mutate(
          {
            kind,
            name: formText(data, 'name'),
            ...(touchpoint === NONE ? {} : { touchpointId: touchpoint }),
          },
          { onSuccess: onSaved },
        );
      }}
    >
      <FormError problem={create.error} fields={['kind', 'name', 'touchpointId']} />
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        defaultValue="api"
        hint="How feedback arrives. API posts take feedback from your own systems."
        error={fieldError(create.error, 'kind')}
      />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Support tickets from Zendesk"
        error={fieldError(create.error, 'name')}
      />
      <SelectField
        label="Touchpoint"
        name="touchpointId"
        options={touchpoints}
        defaultValue={touchpointId ?? NONE}
        hint={TOUCHPOINT_HINT}
        error={fieldError(create.error, 'touchpointId')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Add listening post
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

export function EditPostForm({ post, onCancel, onSaved }: FormProps & { post: ListeningPost }) {
  const { id } = useWorkspace();
  const update = useUpdatePost(id);
  const touchpoints = useTouchpointOptions();
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const touchpoint = formText(data, 'touchpointId');
        update.mutate(
          {
            id: post.id,
            patch: {
              name: formText(data, 'name'),
              touchpointId: touchpoint === NONE ? null : touchpoint,
            },
          },
          { onSuccess: onSaved },
        );
      }}
    >
      <FormError problem={update.error} fields={['name', 'touchpointId']} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        defaultValue={post.name}
        error={fieldError(update.error, 'name')}
      />
      <SelectField
        label="Touchpoint"
        name="touchpointId"
        options={touchpoints}
        defaultValue={post.touchpointId ?? NONE}
        hint={TOUCHPOINT_HINT}
        error={fieldError(update.error, 'touchpointId')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={update.isPending}>
          Save changes
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { api } from '../api.ts';
import { formPassword, formText } from '../forms.ts';
import { workspaceHome } from '../paths.ts';
import { applyMe } from '../session.ts';
import type { Me } from '../types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from './passwordRules.ts';

interface SetupInput {
  token: string;
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  demo: boolean;
}

const FIELDS = ['name', 'email', 'password', 'workspaceName'];

export function SetupForm({ token, email }: { token: string; email: string | null }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const setup = useMutation({
    mutationFn: (input: SetupInput) =>
      api.post<Me>('/api/v1/setup', input, { redirectOn401: false }),
    onSuccess: (me) => {
      applyMe(client, me);
      void navigate(workspaceHome(me.workspaces[0]?.id), { replace: true });
    },
  });

  return (
    <AuthLayout
      title="Set up Hearken"
      intro={<p>Create the first account and the workspace your team will share.</p>}
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setup.mutate({
            token,
            name: formText(form, 'name'),
            email: formText(form, 'email'),
            password: formPassword(form, 'password'),
            workspaceName: formText(form, 'workspaceName'),
            demo: form.get('demo') === 'on',
          });
        }}
      >
        <FormError problem={setup.error} fields={FIELDS} />
        <TextField
          label="Your name"
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          error={fieldError(setup.error, 'name')}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="username"
          defaultValue={email ?? ''}
          error={fieldError(setup.error, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={fieldError(setup.error, 'password')}
        />
        <TextField
          label="Workspace name"
          name="workspaceName"
          required
          maxLength={120}
          autoComplete="organization"
          hint="Usually your company's name. You can change it later."
          error={fieldError(setup.error, 'workspaceName')}
        />
        <Checkbox
          label="Fill the workspace with demo data"
          name="demo"
          defaultChecked
          hint="Made-up customers and feedback to explore with. It loads in the background."
        />
        <Button type="submit" variant="primary" className="btn-block" busy={setup.isPending}>
          Create workspace and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}

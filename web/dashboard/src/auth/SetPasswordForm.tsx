import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { api } from '../api.ts';
import { formPassword } from '../forms.ts';
import { applyMe } from '../session.ts';
import type { Me } from '../types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from './passwordRules.ts';

export function SetPasswordForm({ token, email }: { token: string; email: string | null }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const setPassword = useMutation({
    mutationFn: (password: string) =>
      api.post<Me>('/api/v1/auth/set-password', { token, password }, { redirectOn401: false }),
    onSuccess: (me) => {
      applyMe(client, me);
      void navigate('/', { replace: true });
    },
  });

  return (
    <AuthLayout
      title="Choose your password"
      intro={email ? <p>You will sign in as {email}.</p> : undefined}
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setPassword.mutate(formPassword(new FormData(event.currentTarget), 'password'));
        }}
      >
        {/* Lets password managers save the new password under the right account. */}
        {email && <input type="hidden" name="username" autoComplete="username" value={email} />}
        <FormError problem={setPassword.error} fields={['password']} />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={fieldError(setPassword.error, 'password')}
        />
        <Button type="submit" variant="primary" className="btn-block" busy={setPassword.isPending}>
          Set password and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import type { Problem } from '../../../ui/problem.ts';
import { api, isApiError } from '../api.ts';
import { formPassword, formText } from '../forms.ts';
import { safeNext } from '../paths.ts';
import { applyMe, useMe } from '../session.ts';
import type { Me } from '../types.ts';
import { AuthLayout } from './AuthLayout.tsx';

interface Credentials {
  email: string;
  password: string;
}

function explain(error: Error | null): Problem | null {
  if (!isApiError(error, 429)) return error;
  const wait = error.retryAfterSeconds
    ? `in ${error.retryAfterSeconds} second${error.retryAfterSeconds === 1 ? '' : 's'}`
    : 'in a minute';
  return { message: `Too many sign-in attempts. For your account's safety, try again ${wait}.` };
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();
  const signIn = useMutation({
    mutationFn: (credentials: Credentials) =>
      api.post<Me>('/api/v1/auth/sign-in', credentials, { redirectOn401: false }),
    onSuccess: (signedIn) => {
      applyMe(client, signedIn);
      void navigate(next, { replace: true });
    },
  });

  if (me.data?.user && !signIn.isPending) return <Navigate replace to={next} />;

  const problem = explain(signIn.error);
  return (
    <AuthLayout title="Sign in">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          signIn.mutate({
            email: formText(form, 'email'),
            password: formPassword(form, 'password'),
          });
        }}
      >
        <FormError problem={problem} fields={['email', 'password']} />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="username"
          defaultValue={params.get('email') ?? ''}
          error={fieldError(problem, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          error={fieldError(problem, 'password')}
        />
        <Button type="submit" variant="primary" className="btn-block" busy={signIn.isPending}>
          Sign in
        </Button>
      </form>
      <p className="auth-footnote">
        Forgot your password? Ask an administrator of this Hearken server for a new sign-in link.
      </p>
    </AuthLayout>
  );
}

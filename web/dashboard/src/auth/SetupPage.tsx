import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { api, isApiError } from '../api.ts';
import type { SetupLink } from '../types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { InvalidSetupLink } from './InvalidSetupLink.tsx';
import { SetPasswordForm } from './SetPasswordForm.tsx';
import { SetupForm } from './SetupForm.tsx';

/** `/setup?token=…`: the first-run link printed by the server, or a CLI "set password" link. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery({
    queryKey: ['setup-link', token],
    queryFn: () =>
      api.get<SetupLink>(`/api/v1/setup/${encodeURIComponent(token)}`, { redirectOn401: false }),
    enabled: token !== '',
    retry: false,
    // A used link turns into a 404; refetching while the form is open would hide the form.
    staleTime: Infinity,
  });

  if (token === '' || isApiError(link.error, 404) || isApiError(link.error, 410)) {
    return <InvalidSetupLink />;
  }
  if (link.error) {
    return (
      <AuthLayout title="Set up Hearken">
        <ErrorNotice problem={link.error} onRetry={() => void link.refetch()} />
      </AuthLayout>
    );
  }
  if (link.isPending) {
    return (
      <AuthLayout title="Set up Hearken">
        <Loading label="Checking your link…" />
      </AuthLayout>
    );
  }
  if (link.data.purpose === 'set_password') {
    return <SetPasswordForm token={token} email={link.data.email} />;
  }
  return <SetupForm token={token} email={link.data.email} />;
}

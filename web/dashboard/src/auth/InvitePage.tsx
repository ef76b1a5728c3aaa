import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { api, isApiError } from '../api.ts';
import type { InvitationPreview } from '../types.ts';
import { AcceptAsMember } from './AcceptAsMember.tsx';
import { AcceptWithNewAccount } from './AcceptWithNewAccount.tsx';
import { AuthLayout } from './AuthLayout.tsx';

/** `/invite?token=…`: join a workspace, with a new account or an existing one. */
export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      api.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`, {
        redirectOn401: false,
      }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });

  if (token === '' || isApiError(invitation.error, 404) || isApiError(invitation.error, 410)) {
    return (
      <AuthLayout title="This invitation cannot be used">
        <p>
          It may have been accepted or revoked already, or it has expired. Ask the person who
          invited you to send a new invitation.
        </p>
        <p>
          Already a member? <Link to="/sign-in">Sign in</Link>.
        </p>
      </AuthLayout>
    );
  }
  if (invitation.error) {
    return (
      <AuthLayout title="Join a workspace">
        <ErrorNotice problem={invitation.error} onRetry={() => void invitation.refetch()} />
      </AuthLayout>
    );
  }
  if (invitation.isPending) {
    return (
      <AuthLayout title="Join a workspace">
        <Loading label="Checking your invitation…" />
      </AuthLayout>
    );
  }

  const { workspaceName, email, role, hasAccount } = invitation.data;
  return (
    <AuthLayout
      title={`Join ${workspaceName}`}
      intro={
        <p>
          You have been invited to <strong>{workspaceName}</strong> as{' '}
          {/^[aeiou]/.test(role) ? 'an' : 'a'} <strong>{role}</strong>, with the email address{' '}
          <strong>{email}</strong>.
        </p>
      }
    >
      {hasAccount ? (
        <AcceptAsMember token={token} invitation={invitation.data} />
      ) : (
        <AcceptWithNewAccount token={token} invitation={invitation.data} />
      )}
    </AuthLayout>
  );
}

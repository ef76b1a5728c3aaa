import { Link } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { signInPath } from '../paths.ts';
import { useMe, useSignOut } from '../session.ts';
import type { InvitationPreview } from '../types.ts';
import { useAcceptInvitation } from './acceptInvitation.ts';

interface Props {
  token: string;
  invitation: InvitationPreview;
}

/** The invitee already has an account: they accept while signed in as that account. */
export function AcceptAsMember({ token, invitation }: Props) {
  const me = useMe();
  const accept = useAcceptInvitation(invitation);
  const back = `/invite?token=${encodeURIComponent(token)}`;
  const signIn = signInPath({ next: back, email: invitation.email });
  const signOut = useSignOut(signIn);

  if (me.isPending) return <Loading />;
  const user = me.data?.user;
  if (!user) {
    return (
      <div className="stack">
        <p>You already have an account. Sign in as {invitation.email} to accept.</p>
        <Link className="btn btn-primary btn-block" to={signIn}>
          Sign in to accept
        </Link>
      </div>
    );
  }
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="stack">
        <p>
          You are signed in as {user.email}. Sign out, then sign in as {invitation.email} to accept
          this invitation.
        </p>
        <FormError problem={signOut.error} />
        <Button variant="primary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      </div>
    );
  }
  return (
    <div className="stack">
      <FormError problem={accept.error} />
      <Button variant="primary" busy={accept.isPending} onClick={() => accept.mutate({ token })}>
        Accept invitation
      </Button>
    </div>
  );
}

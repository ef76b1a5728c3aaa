import { Button } from '../../../ui/Button.tsx';
import { useSignOut, useSignedIn } from '../session.ts';

export function UserMenu() {
  const me = useSignedIn();
  const signOut = useSignOut();
  return (
    <div className="menu-user">
      <span className="user-name" title={me.user?.email}>
        {me.user?.name}
      </span>
      <Button size="small" busy={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </Button>
      {signOut.error && (
        <span className="field-error" role="alert">
          {signOut.error.message}
        </span>
      )}
    </div>
  );
}

import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { isApiError } from '../api.ts';
import { signInPath } from '../paths.ts';
import { MeContext, useMe } from '../session.ts';

/** Renders its routes for signed-in people and sends everyone else to sign-in. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (isApiError(me.error, 401) || (me.data && !me.data.user)) {
    return <Navigate replace to={signInPath({ next: location.pathname + location.search })} />;
  }
  if (me.error) {
    return (
      <div className="center-screen">
        <ErrorNotice problem={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  return (
    <MeContext value={me.data}>
      <Outlet />
    </MeContext>
  );
}

import { Link } from 'react-router-dom';
import { AuthLayout } from '../auth/AuthLayout.tsx';

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found">
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </AuthLayout>
  );
}

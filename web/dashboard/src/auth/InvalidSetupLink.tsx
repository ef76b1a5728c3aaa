import { Link } from 'react-router-dom';
import { AuthLayout } from './AuthLayout.tsx';

export function InvalidSetupLink() {
  return (
    <AuthLayout
      title="This link cannot be used"
      intro={<p>It may have been used already, have expired, or been copied incompletely.</p>}
    >
      <p>To get a new link, on the machine that runs Hearken, either:</p>
      <ul className="steps-plain">
        <li>
          restart the server: while no one has set it up yet, it prints a fresh setup link in its
          log; or
        </li>
        <li>
          run <code>npx hearken user create</code> to add a user and print a link for them.
        </li>
      </ul>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>.
      </p>
    </AuthLayout>
  );
}

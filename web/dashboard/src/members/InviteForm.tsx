import { Alert, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { CopyField } from '../../../ui/CopyField.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formatDateTime } from '../../../ui/time.ts';
import { formText } from '../forms.ts';
import { isRole, ROLE_HINT, roleOptions } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { useInvite } from './queries.ts';

export function InviteForm() {
  const workspace = useWorkspace();
  const invite = useInvite(workspace.id);
  return (
    <div className="stack">
      <form
        className="form form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const role = formText(data, 'role');
          if (!isRole(role)) return;
          invite.mutate(
            { email: formText(data, 'email'), role },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <FormError problem={invite.error} fields={['email', 'role']} />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          error={fieldError(invite.error, 'email')}
        />
        <SelectField
          label="Role"
          name="role"
          options={roleOptions}
          defaultValue="agent"
          hint={ROLE_HINT}
          error={fieldError(invite.error, 'role')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={invite.isPending}>
            Invite
          </Button>
        </div>
      </form>
      <div role="status">
        {invite.data && (
          <Alert tone="success">
            <p>
              Invitation for <strong>{invite.data.invitation.email}</strong> created. Email is not
              sent yet, so send them this link yourself. It works once, until{' '}
              {formatDateTime(invite.data.invitation.expiresAt)}.
            </p>
            <CopyField
              label="Invitation link"
              value={new URL(invite.data.link, window.location.origin).href}
            />
          </Alert>
        )}
      </div>
    </div>
  );
}

import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formPassword, formText } from '../forms.ts';
import type { InvitationPreview } from '../types.ts';
import { useAcceptInvitation } from './acceptInvitation.ts';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from './passwordRules.ts';

interface Props {
  token: string;
  invitation: InvitationPreview;
}

export function AcceptWithNewAccount({ token, invitation }: Props) {
  const accept = useAcceptInvitation(invitation);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        accept.mutate({
          token,
          name: formText(form, 'name'),
          password: formPassword(form, 'password'),
        });
      }}
    >
      <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
      <FormError problem={accept.error} fields={['name', 'password']} />
      <TextField
        label="Your name"
        name="name"
        required
        maxLength={120}
        autoComplete="name"
        error={fieldError(accept.error, 'name')}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        error={fieldError(accept.error, 'password')}
      />
      <Button type="submit" variant="primary" className="btn-block" busy={accept.isPending}>
        Create account and join
      </Button>
    </form>
  );
}

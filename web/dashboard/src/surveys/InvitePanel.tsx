import { Alert, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextAreaField } from '../../../ui/Field.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatDateTime } from '../../../ui/time.ts';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import { useInvitations, useInvite, type Survey } from './queries.ts';
import { parseInvitees } from './template.ts';

/** Send invitations by hand, and see who was invited and whether they answered. */
export function InvitePanel({ survey }: { survey: Survey }) {
  const workspace = useWorkspace();
  const invite = useInvite(workspace.id, survey.id);
  const invitations = useInvitations(workspace.id, survey.id);
  return (
    <div className="stack">
      <form
        className="form stack"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const contacts = parseInvitees(formText(new FormData(form), 'contacts'));
          if (contacts.length > 0) invite.mutate(contacts, { onSuccess: () => form.reset() });
        }}
      >
        <FormError problem={invite.error} />
        <TextAreaField
          label="Invite by email"
          name="contacts"
          rows={4}
          required
          hint="One per line: ada@example.com or Ada Lovelace <ada@example.com>. Each gets an email with the first question’s buttons; without SMTP_URL it stays in the outbox."
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={invite.isPending}>
            Send invitations
          </Button>
        </div>
      </form>
      <div role="status">
        {invite.data && (
          <Alert tone="success">
            <p>{invite.data.items.length} invitation(s) written to the outbox.</p>
          </Alert>
        )}
      </div>
      <Table
        caption={`Invitations of ${survey.name}`}
        rows={invitations.data?.items ?? []}
        rowKey={(row) => row.id}
        columns={[
          { header: 'Email', cell: (row) => (row.name ? `${row.name} <${row.email}>` : row.email) },
          { header: 'Source', cell: (row) => row.source },
          {
            header: 'Emailed',
            cell: (row) =>
              row.emailedAt ? formatDateTime(row.emailedAt) : `at ${formatDateTime(row.sendAt)}`,
          },
          { header: 'Answer', cell: (row) => row.responseState ?? '—' },
        ]}
      />
    </div>
  );
}

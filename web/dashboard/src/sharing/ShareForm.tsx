import { useState } from 'react';
import { Alert, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { useDirectoryList } from '../directory/queries.ts';
import { formText } from '../forms.ts';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { useShare } from './queries.ts';
import type { ShareTarget } from './queries.ts';
import { DESTINATIONS, outcomeText, SECRET_MIN, shareInput, shareProblems } from './share.ts';
import type { DestinationKind } from './share.ts';

interface ShareButtonProps {
  target: ShareTarget;
  /** What is shared, for the dialog's title: "case #12", "the theme Refunds". */
  label: string;
}

/** "Share…" for agents and up: opens the share form in a dialog. Hidden from viewers. */
export function ShareButton({ target, label }: ShareButtonProps) {
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  if (!canWorkWithFeedback(workspace.role)) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Share…</Button>
      {open && <ShareForm target={target} label={label} close={() => setOpen(false)} />}
    </>
  );
}

const FIELDS = ['teamId', 'destination', 'url', 'secret', 'note'];

/**
 * Choose a team and where the notice goes (the team's e-mail, a Slack incoming webhook, or a
 * signed webhook), add a note, and see honestly whether it arrived.
 */
export function ShareForm({ target, label, close }: ShareButtonProps & { close: () => void }) {
  const workspace = useWorkspace();
  const teams = useDirectoryList(workspace.id, 'teams');
  const share = useShare(workspace.id, target);
  const [kind, setKind] = useState<DestinationKind>('email');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const error = (field: string) => problems[field] ?? fieldError(share.error, field);
  const delivered = share.data?.delivered === true;
  const teamOptions = [
    {
      value: '',
      label: teams.isPending ? 'Loading teams…' : kind === 'email' ? 'Choose a team' : 'No team',
    },
    ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  return (
    <Dialog title={`Share ${label}`} onClose={close}>
      <form
        className="form dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const fields = {
            kind,
            teamId: formText(form, 'teamId'),
            url: formText(form, 'url'),
            secret: formText(form, 'secret'),
            note: formText(form, 'note'),
          };
          const found = shareProblems(fields);
          setProblems(found);
          if (Object.keys(found).length === 0) share.mutate(shareInput(fields));
        }}
      >
        <FormError problem={share.error} fields={FIELDS} />
        <SelectField
          label="Send to"
          name="destination"
          value={kind}
          onChange={(event) => setKind(event.target.value as DestinationKind)}
          options={DESTINATIONS}
        />
        <SelectField
          label="Team"
          name="teamId"
          options={teamOptions}
          hint={
            kind === 'email'
              ? 'Its lead and members with an e-mail address receive it.'
              : 'Optional: named in the notice.'
          }
          error={error('teamId')}
        />
        {kind !== 'email' && (
          <TextField
            key={kind}
            label={kind === 'slack' ? 'Slack incoming webhook URL' : 'Webhook URL'}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            maxLength={2000}
            error={error('url')}
          />
        )}
        {kind === 'webhook' && (
          <TextField
            label="Secret"
            name="secret"
            autoComplete="off"
            maxLength={200}
            hint={`Optional, at least ${SECRET_MIN} characters: signs the body (X-Hearken-Signature).`}
            error={error('secret')}
          />
        )}
        <TextAreaField
          label="Note"
          name="note"
          maxLength={1000}
          hint="Optional: why you share it."
          error={error('note')}
        />
        <div role="status">
          {share.data && (
            <Alert tone={share.data.delivered ? 'success' : 'warning'}>
              <p>{outcomeText(share.data)}</p>
            </Alert>
          )}
        </div>
        <div className="dialog-actions">
          <Button onClick={close}>{delivered ? 'Done' : 'Cancel'}</Button>
          {!delivered && (
            <Button type="submit" variant="primary" busy={share.isPending}>
              {share.data ? 'Try again' : 'Share'}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextAreaField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { useDirectoryList } from '../directory/queries.ts';
import { formText } from '../forms.ts';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { creditedName, creditInput, creditOptions } from './credit.ts';
import { useCreditKudos, useRemoveKudos } from './queries.ts';
import type { Kudos } from './types.ts';

/**
 * "Credit someone…" on a feedback item: an agent names the staff person or team the praise is
 * for (analysis may have missed them), optionally with the words to quote. Credit given here is
 * shown as chips that can be taken back. Hidden from viewers.
 */
export function CreditButton({ feedbackId }: { feedbackId: string }) {
  const workspace = useWorkspace();
  const remove = useRemoveKudos(workspace.id, feedbackId);
  const [open, setOpen] = useState(false);
  const [given, setGiven] = useState<Kudos[]>([]);
  if (!canWorkWithFeedback(workspace.role)) return null;
  const add = (kudos: Kudos) =>
    setGiven((current) => [...current.filter((k) => k.id !== kudos.id), kudos]);
  return (
    <div className="feedback-actions">
      <Button size="small" onClick={() => setOpen(true)}>
        Credit someone…
      </Button>
      {given.length > 0 && (
        <ul className="chips" aria-label="Credited">
          {given.map((kudos) => (
            <li key={kudos.id} className="chip">
              <span className="chip-kind">Credited</span> {creditedName(kudos)}
              <Button
                size="small"
                variant="ghost"
                aria-label={`Take back the credit for ${creditedName(kudos)}`}
                busy={remove.isPending && remove.variables === kudos.id}
                onClick={() =>
                  remove.mutate(kudos.id, {
                    onSuccess: () =>
                      setGiven((current) => current.filter((k) => k.id !== kudos.id)),
                  })
                }
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && (
        <span role="alert" className="muted">
          {remove.error.message}
        </span>
      )}
      {open && (
        <CreditDialog feedbackId={feedbackId} onCredited={add} close={() => setOpen(false)} />
      )}
    </div>
  );
}

interface CreditDialogProps {
  feedbackId: string;
  onCredited: (kudos: Kudos) => void;
  close: () => void;
}

function CreditDialog({ feedbackId, onCredited, close }: CreditDialogProps) {
  const workspace = useWorkspace();
  const people = useDirectoryList(workspace.id, 'people');
  const teams = useDirectoryList(workspace.id, 'teams');
  const credit = useCreditKudos(workspace.id, feedbackId);
  const [missing, setMissing] = useState(false);
  const loading = people.isPending || teams.isPending;
  const options = creditOptions(people.data?.items ?? [], teams.data?.items ?? []);
  const empty = !loading && options.length === 0;
  return (
    <Dialog title="Credit someone for this praise" onClose={close}>
      <form
        className="form dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const input = creditInput(formText(form, 'credit'), formText(form, 'quote'));
          setMissing(input === null);
          if (input)
            credit.mutate(input, {
              onSuccess: (kudos) => {
                onCredited(kudos);
                close();
              },
            });
        }}
      >
        <FormError problem={credit.error ?? people.error ?? teams.error} fields={['quote']} />
        {empty ? (
          <p>
            The staff directory is empty.{' '}
            <Link to={`/w/${workspace.id}/directory`}>Add people and teams</Link> first.
          </p>
        ) : (
          <SelectField
            label="Who"
            name="credit"
            required
            options={[
              { value: '', label: loading ? 'Loading the directory…' : 'Choose a person or team' },
              ...options,
            ]}
            hint="They and their team lead are told."
            error={missing ? 'Choose a person or a team.' : undefined}
          />
        )}
        <TextAreaField
          label="Quote"
          name="quote"
          maxLength={1000}
          hint="Optional: the words of praise. Left blank, the item is quoted."
          error={fieldError(credit.error, 'quote')}
        />
        <div className="dialog-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={credit.isPending} disabled={empty}>
            Credit
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

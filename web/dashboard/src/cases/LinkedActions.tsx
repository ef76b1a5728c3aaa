import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { Problem } from '../../../ui/problem.ts';
import { ACTION_STATUS_LABELS } from './labels.ts';
import { useActions, useCaseChange, useCreateAction, useUnlinkAction } from './queries.ts';
import type { CaseDetail } from './types.ts';

/** The actions this case is linked to; when one ships, the case comes back to its owner. */
export function LinkedActions({
  detail,
  workspaceId,
  canAct,
}: {
  detail: CaseDetail;
  workspaceId: string;
  canAct: boolean;
}) {
  const caseId = detail.case.id;
  const link = useCaseChange<{ actionId: string }>(workspaceId, caseId, 'actions');
  const unlink = useUnlinkAction(workspaceId, caseId);
  const create = useCreateAction(workspaceId);
  const all = useActions(workspaceId);
  const [title, setTitle] = useState('');
  const linkedIds = new Set(detail.actions.map((a) => a.id));
  const available = (all.data?.items ?? []).filter((a) => !linkedIds.has(a.id));
  return (
    <div className="stack">
      {detail.actions.length === 0 ? (
        <p className="muted">No actions linked yet.</p>
      ) : (
        <ul className="case-actions">
          {detail.actions.map((action) => (
            <li key={action.id}>
              <span>{action.title}</span>{' '}
              <span className={action.status === 'shipped' ? 'badge badge-success' : 'badge'}>
                {ACTION_STATUS_LABELS[action.status]}
              </span>
              {canAct && (
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={`Unlink ${action.title}`}
                  busy={unlink.isPending}
                  onClick={() => unlink.mutate(action.id)}
                >
                  Unlink
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <>
          {available.length > 0 && (
            <SelectField
              name="status"
              label="Link an existing action"
              value=""
              options={[
                { value: '', label: 'Choose…' },
                ...available.map((a) => ({ value: a.id, label: a.title })),
              ]}
              onChange={(event) =>
                event.target.value && link.mutate({ actionId: event.target.value })
              }
            />
          )}
          <form
            className="case-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate(
                { title },
                {
                  onSuccess: (action) => {
                    setTitle('');
                    link.mutate({ actionId: action.id });
                  },
                },
              );
            }}
          >
            <TextField
              name="status"
              label="New action"
              value={title}
              required
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
            />
            <Button type="submit" size="small" busy={create.isPending || link.isPending}>
              Add and link
            </Button>
          </form>
          <FormError problem={(create.error ?? link.error ?? unlink.error) as Problem | null} />
        </>
      )}
    </div>
  );
}

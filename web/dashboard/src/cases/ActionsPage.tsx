import { useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import type { Problem } from '../../../ui/problem.ts';
import { Loading } from '../../../ui/Spinner.tsx';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { ACTION_STATUS_LABELS } from './labels.ts';
import { useActions, useCreateAction, useDeleteAction, useUpdateAction } from './queries.ts';
import type { ActionStatus } from './types.ts';
import './cases.css';

const statusOptions = Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/**
 * What the company decided to do about what it heard. Marking an action shipped hands each linked
 * case back to its owner, to tell that customer.
 */
export function ActionsPage() {
  const workspace = useWorkspace();
  const actions = useActions(workspace.id);
  const create = useCreateAction(workspace.id);
  const update = useUpdateAction(workspace.id);
  const remove = useDeleteAction(workspace.id);
  const [title, setTitle] = useState('');
  const canAct = canWorkWithFeedback(workspace.role);
  const items = actions.data?.items ?? [];
  return (
    <Page
      title="Actions"
      description="Fixes, policy changes and training decided from feedback. When one ships, its cases come back to their owners."
    >
      {canAct && (
        <Section title="New action">
          <form
            className="case-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ title }, { onSuccess: () => setTitle('') });
            }}
          >
            <TextField
              name="title"
              label="Title"
              value={title}
              required
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
            />
            <Button type="submit" variant="primary" busy={create.isPending}>
              Add
            </Button>
          </form>
          <FormError problem={create.error as Problem | null} />
        </Section>
      )}
      <Section title="All actions">
        {actions.isPending ? (
          <Loading />
        ) : actions.error ? (
          <ErrorNotice problem={actions.error} onRetry={() => void actions.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No actions yet.">
            <p>Record what you decided while processing a case, and link the case to it.</p>
          </EmptyState>
        ) : (
          <ul className="case-list">
            {items.map((action) => (
              <li key={action.id} className="case-card">
                <div className="case-card-head">
                  <strong>{action.title}</strong>
                  <span className="muted">
                    {action.caseCount} case{action.caseCount === 1 ? '' : 's'}
                    {action.themeName ? ` · ${action.themeName}` : ''}
                  </span>
                </div>
                <div className="case-card-meta">
                  {canAct ? (
                    <SelectField
                      name="status"
                      label={`Status of ${action.title}`}
                      value={action.status}
                      options={statusOptions}
                      onChange={(event) =>
                        update.mutate({ id: action.id, status: event.target.value as ActionStatus })
                      }
                    />
                  ) : (
                    <span className="badge">{ACTION_STATUS_LABELS[action.status]}</span>
                  )}
                  {canAct && action.status !== 'shipped' && (
                    <Button
                      size="small"
                      variant="primary"
                      busy={update.isPending}
                      onClick={() => update.mutate({ id: action.id, status: 'shipped' })}
                    >
                      Mark shipped
                    </Button>
                  )}
                  {workspace.canManage && (
                    <ConfirmButton
                      label={`Delete ${action.title}`}
                      title="Delete this action?"
                      message="Its links to cases go with it; the cases stay."
                      confirmLabel="Delete action"
                      busy={remove.isPending}
                      onConfirm={() => remove.mutate(action.id)}
                    >
                      Delete
                    </ConfirmButton>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <FormError problem={(update.error ?? remove.error) as Problem | null} />
      </Section>
    </Page>
  );
}

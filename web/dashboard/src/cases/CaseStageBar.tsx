import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import type { Problem } from '../../../ui/problem.ts';
import { CloseDialog } from './CloseDialog.tsx';
import { OPEN_STAGES, STAGE_LABELS } from './labels.ts';
import { useCaseChange } from './queries.ts';
import type { CaseDetail, OpenStage } from './types.ts';

/**
 * Engage → Process → Follow up → Close, with the current stage marked. Moves are one step
 * forward or back; the expected stage goes with each move, so a colleague's move wins cleanly.
 */
export function CaseStageBar({
  detail,
  workspaceId,
  canAct,
}: {
  detail: CaseDetail;
  workspaceId: string;
  canAct: boolean;
}) {
  const current = detail.case;
  const move = useCaseChange<{ to: OpenStage; from: OpenStage }>(workspaceId, current.id, 'stage');
  const reopen = useCaseChange<{ reason: string }>(workspaceId, current.id, 'reopen');
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const index = current.stage === 'closed' ? 3 : OPEN_STAGES.indexOf(current.stage);
  const next = OPEN_STAGES[index + 1];
  const previous = index > 0 && index < 3 ? OPEN_STAGES[index - 1] : undefined;
  const from = current.stage as OpenStage;

  return (
    <div className="case-stagebar">
      <ol className="case-steps" aria-label="Stages">
        {[...OPEN_STAGES, 'closed' as const].map((stage, i) => (
          <li
            key={stage}
            className={
              i === index ? 'case-step is-current' : i < index ? 'case-step is-done' : 'case-step'
            }
            aria-current={i === index ? 'step' : undefined}
          >
            {STAGE_LABELS[stage]}
          </li>
        ))}
      </ol>
      {canAct && current.stage !== 'closed' && (
        <div className="case-stage-actions">
          {previous && (
            <Button busy={move.isPending} onClick={() => move.mutate({ to: previous, from })}>
              Back to {STAGE_LABELS[previous]}
            </Button>
          )}
          {next && (
            <Button
              variant="primary"
              busy={move.isPending}
              onClick={() => move.mutate({ to: next, from })}
            >
              Move to {STAGE_LABELS[next]}
            </Button>
          )}
          <Button variant={next ? 'secondary' : 'primary'} onClick={() => setClosing(true)}>
            Close case…
          </Button>
        </div>
      )}
      {canAct && current.stage === 'closed' && (
        <form
          className="case-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            reopen.mutate({ reason }, { onSuccess: () => setReason('') });
          }}
        >
          <TextField
            name="status"
            label="Reason to reopen"
            value={reason}
            required
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" busy={reopen.isPending}>
            Reopen
          </Button>
        </form>
      )}
      <FormError problem={(move.error ?? reopen.error) as Problem | null} />
      {closing && (
        <CloseDialog detail={detail} workspaceId={workspaceId} onClose={() => setClosing(false)} />
      )}
    </div>
  );
}

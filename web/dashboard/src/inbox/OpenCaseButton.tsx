import { useNavigate } from 'react-router-dom';
import { Button } from '../../../ui/Button.tsx';
import { useOpenCase } from '../cases/queries.ts';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';

/**
 * Opens a case from one inbox item (or adds it to the customer's open case) and goes there.
 * Hidden from viewers, who cannot open cases.
 */
export function OpenCaseButton({ feedbackId }: { feedbackId: string }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const open = useOpenCase(workspace.id);
  if (!canWorkWithFeedback(workspace.role)) return null;
  return (
    <div className="feedback-actions">
      <Button
        size="small"
        busy={open.isPending}
        onClick={() =>
          open.mutate([feedbackId], {
            onSuccess: (detail) => void navigate(`/w/${workspace.id}/cases/${detail.case.id}`),
          })
        }
      >
        Open case
      </Button>
      {open.error && (
        <span role="alert" className="muted">
          {open.error.message}
        </span>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { unplacedDetails } from './problem.ts';
import type { Problem } from './problem.ts';

type Tone = 'info' | 'success' | 'warning' | 'danger';

export function Alert({ tone = 'info', children }: { tone?: Tone; children: ReactNode }) {
  return <div className={`alert alert-${tone}`}>{children}</div>;
}

interface FormErrorProps {
  problem: Problem | null;
  /** Fields that show their own errors; details about other paths are listed here. */
  fields?: readonly string[];
}

/**
 * The live region stays mounted even when empty: screen readers only announce changes to
 * regions that already exist.
 */
export function FormError({ problem, fields = [] }: FormErrorProps) {
  const extra = problem ? unplacedDetails(problem, fields) : [];
  return (
    <div role="alert" aria-live="assertive" className="form-error-region">
      {problem && (
        <div className="alert alert-danger">
          <p>{problem.message}</p>
          {extra.length > 0 && (
            <ul>
              {extra.map((detail) => (
                <li key={`${detail.path}:${detail.message}`}>
                  {detail.path ? `${detail.path}: ` : ''}
                  {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

interface ErrorNoticeProps {
  problem: Problem;
  onRetry?: () => void;
}

/** A failed load, with a retry button when retrying can help. */
export function ErrorNotice({ problem, onRetry }: ErrorNoticeProps) {
  return (
    <div className="alert alert-danger" role="alert">
      <p>{problem.message}</p>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

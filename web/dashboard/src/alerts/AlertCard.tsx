import { Button } from '../../../ui/Button.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { channelLabel } from '../feedback/labels.ts';
import { ScoreBadge } from '../feedback/ScoreBadge.tsx';
import { useWorkspace } from '../session.ts';
import { KIND_LABELS, STATUS_LABELS, STATUS_TONES, SUBJECT_LABELS } from './labels.ts';
import { useAcknowledge, useRetryDelivery } from './queries.ts';
import type { Delivery, FiredAlert } from './types.ts';

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const { id, role } = useWorkspace();
  const retry = useRetryDelivery(id);
  const canRetry = role !== 'viewer' && delivery.status === 'dead';
  return (
    <li className="alert-delivery">
      <span className={STATUS_TONES[delivery.status]}>{STATUS_LABELS[delivery.status]}</span>
      <span>
        {KIND_LABELS[delivery.kind]} · <span className="alert-target">{delivery.label}</span>
      </span>
      <span className="muted">
        {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
        {delivery.responseStatus !== null && `, last answer ${delivery.responseStatus}`}
      </span>
      {delivery.lastError && delivery.status !== 'sent' && (
        <span className="alert-delivery-error">{delivery.lastError}</span>
      )}
      {canRetry && (
        <Button
          size="small"
          busy={retry.isPending}
          aria-label={`Retry ${KIND_LABELS[delivery.kind]} to ${delivery.label}`}
          onClick={() => retry.mutate(delivery.id)}
        >
          Retry
        </Button>
      )}
    </li>
  );
}

/**
 * One fired alert: what fired it, the customer's words (as a text child, so never parsed as
 * HTML), how each delivery went, and an acknowledge button.
 */
export function AlertCard({ alert }: { alert: FiredAlert }) {
  const { id, role } = useWorkspace();
  const acknowledge = useAcknowledge(id);
  const { feedback, spike } = alert;
  return (
    <li className={alert.acknowledgedAt ? 'alert-card alert-card-done' : 'alert-card'}>
      <div className="feedback-head">
        <span className="feedback-who">{alert.rule.name}</span>
        {feedback && <ScoreBadge type={feedback.scoreType} score={feedback.score} />}
        {feedback?.sentimentLabel && <span className="badge">{feedback.sentimentLabel}</span>}
        <RelativeTime iso={alert.createdAt} />
      </div>
      {feedback && (
        <>
          <blockquote className="feedback-text alert-words">
            {feedback.text || <span className="muted">No comment.</span>}
          </blockquote>
          <p className="feedback-where">
            {[channelLabel(feedback.channel), feedback.accountName].filter(Boolean).join(' · ')}
          </p>
        </>
      )}
      {spike && (
        <p className="alert-words">
          <strong>
            {SUBJECT_LABELS[spike.subjectKind]}
            {spike.subjectName ? `: ${spike.subjectName}` : ''}
          </strong>{' '}
          — {spike.sentence}
        </p>
      )}
      <p className="feedback-where">
        Matched: {alert.matched.map((condition) => condition.detail).join(' · ')}
      </p>
      {alert.deliveries.length > 0 && (
        <ul className="alert-deliveries" aria-label="Deliveries">
          {alert.deliveries.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
      <div className="alert-card-actions">
        {alert.acknowledgedAt ? (
          <span className="muted">
            Acknowledged {alert.acknowledgedBy ? `by ${alert.acknowledgedBy} ` : ''}
            <RelativeTime iso={alert.acknowledgedAt} />
          </span>
        ) : (
          role !== 'viewer' && (
            <Button
              size="small"
              busy={acknowledge.isPending}
              aria-label={`Acknowledge alert from ${alert.rule.name}`}
              onClick={() => acknowledge.mutate(alert.id)}
            >
              Acknowledge
            </Button>
          )
        )}
      </div>
    </li>
  );
}

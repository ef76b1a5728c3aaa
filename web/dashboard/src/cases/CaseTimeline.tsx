import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { describeEvent } from './labels.ts';
import type { CaseEvent } from './types.ts';

/** Every change to the case: who, what, when. Comments are shown as text, never as HTML. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  return (
    <ol className="case-timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} className={`case-event case-event-${event.type}`}>
          <div>
            <strong>{event.actor?.name ?? 'Hearken'}</strong>{' '}
            {describeEvent(event.type, event.data)} <RelativeTime iso={event.at} />
          </div>
          {event.type === 'comment' && typeof event.data.body === 'string' && (
            <p className="case-comment">{event.data.body}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

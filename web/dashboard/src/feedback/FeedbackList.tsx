import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import type { FeedbackItem } from '../types.ts';
import { channelLabel } from './labels.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

/** Feedback newest first, as on the home page and in the inbox. */
export function FeedbackList({ items }: { items: readonly FeedbackItem[] }) {
  return (
    <ol className="feedback-list">
      {items.map((item) => (
        <FeedbackRow key={item.id} item={item} />
      ))}
    </ol>
  );
}

/**
 * One item. Customers write whatever they like, so the text only ever goes in as a React text
 * child: it is escaped, never parsed as HTML.
 */
export function FeedbackRow({ item }: { item: FeedbackItem }) {
  const who = [item.contactName ?? 'Anonymous', item.accountName].filter(Boolean).join(' · ');
  const where = [channelLabel(item.channel), item.touchpointName].filter(Boolean).join(' · ');
  return (
    <li className="feedback-item">
      <div className="feedback-head">
        <span className="feedback-who">{who}</span>
        <ScoreBadge type={item.scoreType} score={item.score} />
        <RelativeTime iso={item.receivedAt} />
      </div>
      {item.text ? (
        <p className="feedback-text">{item.text}</p>
      ) : (
        <p className="feedback-text muted">No comment.</p>
      )}
      <p className="feedback-where">{where}</p>
    </li>
  );
}

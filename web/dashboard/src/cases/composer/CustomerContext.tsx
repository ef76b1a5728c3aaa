import { RelativeTime } from '../../../../ui/RelativeTime.tsx';
import { SEND_STATE_LABELS } from './labels.ts';
import type { Composer, ComposerItem } from './types.ts';

function Item({ item }: { item: ComposerItem }) {
  return (
    <li className="composer-item">
      <blockquote>
        <p className="feedback-text">{item.text || item.subject || '(no text)'}</p>
      </blockquote>
      <p className="composer-meta">
        {item.channel}
        {item.score !== null && item.scoreType
          ? ` · ${item.scoreType.toUpperCase()} ${item.score}`
          : ''}
        {' · '}
        <RelativeTime iso={item.receivedAt} />
      </p>
    </li>
  );
}

/** The customer's own words in this case, quoted above the reply. Text only, never HTML. */
export function TheirWords({ composer }: { composer: Composer }) {
  if (composer.quoted.length === 0) return null;
  return (
    <section aria-labelledby="composer-their-words" className="composer-their-words">
      <h3 id="composer-their-words">In their words</h3>
      <ul className="composer-list">
        {composer.quoted.slice(0, 3).map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

/** Beside the composer: what else they told us, and what we wrote to them before. */
export function CustomerHistory({ composer }: { composer: Composer }) {
  return (
    <aside className="composer-history" aria-label="Customer history">
      <h3>Their history</h3>
      {composer.history.length === 0 ? (
        <p className="composer-meta">No other feedback from them.</p>
      ) : (
        <ul className="composer-list">
          {composer.history.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      )}
      <h3>Replies to them</h3>
      {composer.replies.length === 0 ? (
        <p className="composer-meta">Nothing written to them yet.</p>
      ) : (
        <ul className="composer-list">
          {composer.replies.map((reply) => (
            <li key={reply.id} className="composer-item">
              <p>
                <strong>{reply.subject}</strong>
              </p>
              <p className="feedback-text composer-reply-text">{reply.text.split('\n\n')[0]}</p>
              <p className="composer-meta">
                {SEND_STATE_LABELS[reply.state]}
                {reply.stateReason ? ` (${reply.stateReason})` : ''}
                {' · '}
                <RelativeTime iso={reply.createdAt} />
                {reply.caseId !== composer.case.id ? ' · another case' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { humanize } from '../format.ts';
import type { FeedbackItem } from '../types.ts';
import { useRecentFeedback } from './queries.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

interface Props {
  workspaceId: string;
  feedbackCount: number;
}

export function RecentFeedback({ workspaceId, feedbackCount }: Props) {
  const feedback = useRecentFeedback(workspaceId, feedbackCount);
  return (
    <Section title="Recent feedback" description="The 20 newest items.">
      {feedback.isPending && <Loading />}
      {feedback.error && (
        <ErrorNotice problem={feedback.error} onRetry={() => void feedback.refetch()} />
      )}
      {feedback.data && (
        <ol className="feedback-list">
          {feedback.data.items.map((item) => (
            <FeedbackRow key={item.id} item={item} />
          ))}
        </ol>
      )}
    </Section>
  );
}

function FeedbackRow({ item }: { item: FeedbackItem }) {
  const who = [item.contactName ?? 'Anonymous', item.accountName].filter(Boolean).join(' · ');
  const where = [humanize(item.channel), item.touchpointName].filter(Boolean).join(' · ');
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

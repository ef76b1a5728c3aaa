import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { FeedbackList } from '../feedback/FeedbackList.tsx';
import { useRecentFeedback } from './queries.ts';

interface Props {
  workspaceId: string;
  feedbackCount: number;
}

export function RecentFeedback({ workspaceId, feedbackCount }: Props) {
  const feedback = useRecentFeedback(workspaceId, feedbackCount);
  return (
    <Section
      title="Recent feedback"
      description="The 20 newest items."
      actions={<Link to={`/w/${workspaceId}/inbox`}>Open the inbox</Link>}
    >
      {feedback.isPending && <Loading />}
      {feedback.error && (
        <ErrorNotice problem={feedback.error} onRetry={() => void feedback.refetch()} />
      )}
      {feedback.data && <FeedbackList items={feedback.data.items} />}
    </Section>
  );
}

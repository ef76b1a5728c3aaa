import { Link } from 'react-router-dom';
import { Alert, ErrorNotice } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import type { Overview } from '../types.ts';
import { ChannelChart } from './ChannelChart.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { NpsChart } from './NpsChart.tsx';
import { useOverview } from './queries.ts';
import { RecentFeedback } from './RecentFeedback.tsx';
import { StatCards } from './StatCards.tsx';

export function HomePage() {
  const workspace = useWorkspace();
  const overview = useOverview(workspace.id);
  return (
    <Page title={workspace.name} description="What your customers are telling you.">
      {overview.isPending && <Loading />}
      {overview.error && (
        <ErrorNotice problem={overview.error} onRetry={() => void overview.refetch()} />
      )}
      {overview.data && <Dashboard overview={overview.data} />}
    </Page>
  );
}

function Dashboard({ overview }: { overview: Overview }) {
  const { id: workspaceId, canManage } = useWorkspace();
  const { demoSeeding, feedbackCount, jobs } = overview;
  return (
    <div className="stack-lg">
      {/* A short, steady announcement: the visible count changes every two seconds. */}
      <p role="status" className="visually-hidden">
        {demoSeeding ? 'Loading demo data.' : ''}
      </p>
      {demoSeeding && (
        <Alert tone="info">
          <p className="with-spinner">
            <span className="spinner" aria-hidden="true" />
            Loading demo data: {formatCount(feedbackCount)} feedback items so far. This page updates
            by itself.
          </p>
        </Alert>
      )}
      {/* Only owners and admins can see and retry jobs. */}
      {jobs.dead > 0 && canManage && (
        <Alert tone="warning">
          <p>
            {formatCount(jobs.dead)} background job{jobs.dead === 1 ? '' : 's'} failed for good.{' '}
            <Link to={`/w/${workspaceId}/settings#jobs`}>Review and retry them</Link>.
          </p>
        </Alert>
      )}
      {feedbackCount === 0 ? (
        !demoSeeding && <GettingStarted workspaceId={workspaceId} />
      ) : (
        <>
          <StatCards overview={overview} />
          <div className="chart-grid">
            <NpsChart months={overview.npsByMonth} />
            <ChannelChart channels={overview.byChannel} />
          </div>
          <RecentFeedback workspaceId={workspaceId} feedbackCount={feedbackCount} />
        </>
      )}
    </div>
  );
}

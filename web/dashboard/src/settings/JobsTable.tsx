import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useWorkspace } from '../session.ts';
import type { Job, JobState } from '../types.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { useRetryJob } from './queries.ts';

interface JobsTableProps {
  jobs: Job[];
  state: JobState;
  /** The rows belong to the previous tab while this one loads. */
  stale: boolean;
}

const EMPTY: Record<JobState, string> = {
  dead: 'No failed jobs. Everything that was tried has worked.',
  queued: 'Nothing is waiting.',
  running: 'Nothing is running right now.',
  done: 'No finished jobs yet.',
};

export function JobsTable({ jobs, state, stale }: JobsTableProps) {
  const { id } = useWorkspace();
  const retry = useRetryJob(id);
  if (jobs.length === 0 && !stale) return <EmptyState title={EMPTY[state]} />;

  return (
    <div className={stale ? 'stack is-stale' : 'stack'} aria-busy={stale || undefined}>
      <FormError problem={retry.error} />
      <Table
        caption={`Jobs: ${state}`}
        rows={jobs}
        rowKey={(job) => job.id}
        columns={[
          { header: 'Job', cell: (job) => <code>{job.name}</code> },
          { header: 'Attempts', cell: (job) => `${job.attempts} of ${job.maxAttempts}` },
          { header: 'Created', cell: (job) => <RelativeTime iso={job.createdAt} /> },
          {
            header: state === 'queued' ? 'Runs' : 'Finished',
            cell: (job) => <RelativeTime iso={state === 'queued' ? job.runAt : job.finishedAt} />,
          },
          { header: 'Last error', cell: (job) => <ErrorDetails message={job.lastError} /> },
          {
            header: 'Actions',
            cell: (job) =>
              job.state === 'dead' && (
                <Button
                  size="small"
                  aria-label={`Retry job ${job.id} (${job.name})`}
                  busy={retry.isPending && retry.variables === job.id}
                  onClick={() => retry.mutate(job.id)}
                >
                  Retry
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { JOB_STATES } from '../types.ts';
import type { JobState } from '../types.ts';
import { JobsTable } from './JobsTable.tsx';
import { useJobs } from './queries.ts';

const LABELS: Record<JobState, string> = {
  dead: 'Failed',
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
};

export function JobsSection() {
  const { id } = useWorkspace();
  const [state, setState] = useState<JobState>('dead');
  const jobs = useJobs(id, state);
  const counts = jobs.data?.counts;
  const { hash } = useLocation();

  // The home page links to "#jobs" when jobs failed; the router does not scroll to anchors.
  useEffect(() => {
    if (hash === '#jobs') document.getElementById('jobs')?.scrollIntoView();
  }, [hash]);

  return (
    <Section
      id="jobs"
      title="Background jobs"
      description="Work done after feedback arrives. A job that fails after all its attempts stops here until you retry it."
    >
      <div className="stack">
        <SegmentedControl
          label="Show jobs that are"
          value={state}
          onChange={setState}
          segments={JOB_STATES.map((value) => ({
            value,
            label: counts ? `${LABELS[value]} (${formatCount(counts[value])})` : LABELS[value],
          }))}
        />
        {jobs.isPending && <Loading />}
        {jobs.error && <ErrorNotice problem={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data && (
          <JobsTable jobs={jobs.data.items} state={state} stale={jobs.isPlaceholderData} />
        )}
      </div>
    </Section>
  );
}

import { z } from 'zod';
import { createRegistry, defineJob, type JobDefinition } from '../../server/jobs/job.ts';

/**
 * The job the jobs bench runs: it does no work but records which job ids ran in this process,
 * so the bench can prove every job ran exactly once. Running it twice leaves the same state.
 */
export const executions: {
  count: number;
  ids: Set<number>;
  /** Called after each run, inside the worker's own promise chain (works even when timers starve). */
  onRun: ((count: number) => void) | undefined;
} = { count: 0, ids: new Set<number>(), onRun: undefined };

export function resetExecutions(): void {
  executions.count = 0;
  executions.ids.clear();
  executions.onRun = undefined;
}

export const NOOP_JOB = 'bench.noop';

const noopJob = defineJob({
  name: NOOP_JOB,
  payload: z.object({ n: z.number().int() }),
  async handler(_payload, { jobId }) {
    executions.count += 1;
    executions.ids.add(jobId);
    executions.onRun?.(executions.count);
  },
});

export const benchRegistry = createRegistry([noopJob] as unknown as JobDefinition<never>[]);

/** Worker settings used for every completion run: WORKER_CONCURRENCY=4, JOB_POLL_MS=50. */
export const WORKER_SETTINGS = { concurrency: 4, pollMs: 50, leaseMs: 60_000 } as const;

/** Lines of the parent/child protocol start with this, to tell them apart from log output. */
export const PROTOCOL_PREFIX = '@bench ';

export interface ChildReport {
  completed: number;
  executions: number;
  ids: number[];
}

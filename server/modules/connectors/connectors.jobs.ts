import { z } from 'zod';
import { loadConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { enqueueDuePolls, POLL_JOB, runPoll } from './connectors.service.ts';
import { outboundPolicy, type OutboundPolicy } from './outbound-guard.ts';

export const TICK_JOB = 'connectors.tick';

/**
 * The connectors' jobs, given how to learn the outbound policy. Jobs receive no configuration,
 * so the policy comes from the process's settings; tests make the jobs with a policy of their own.
 */
export function connectorJobs(policy: () => OutboundPolicy) {
  const tickJob = defineJob({
    name: TICK_JOB,
    payload: z.object({}),
    maxAttempts: 1,
    async handler(_payload, { db, log }) {
      const queued = await enqueueDuePolls({ db });
      if (queued > 0) log.debug({ queued }, 'connector polls queued');
    },
  });
  const pollJob = defineJob({
    name: POLL_JOB,
    payload: z.object({
      postId: z.uuid(),
      sourceKey: z.string().min(1).max(100),
      force: z.boolean().default(false),
    }),
    maxAttempts: 2,
    async handler(payload, { db, workspaceId, log }) {
      if (!workspaceId) throw new Error('a poll job needs a workspace');
      const result = await runPoll({ db }, policy(), workspaceId, payload);
      if (!result.skipped && !result.outcome.ok)
        log.info({ postId: payload.postId, error: result.outcome.error }, 'source poll failed');
    },
  });
  return { tickJob, pollJob };
}

let processPolicy: OutboundPolicy | undefined;
export const { tickJob: connectorsTickJob, pollJob: connectorsPollJob } = connectorJobs(
  () => (processPolicy ??= outboundPolicy(loadConfig())),
);

/** Every minute: each source has its own interval (at least five minutes), kept in its state row. */
export const connectorSchedules: Schedule[] = [
  { name: 'connectors-tick', cron: '* * * * *', jobName: TICK_JOB },
];

import { z } from 'zod';
import { processConfig, type Config } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { notifyKudos, NOTIFY_JOB } from './kudos.service.ts';

/**
 * Tells the praised people and their leads, outside the analysis transaction. Idempotent: kudos
 * already notified are skipped and each message has a dedup key. Tests pass their own settings.
 */
export function kudosJobs(settings: () => Config) {
  const notifyJob = defineJob({
    name: NOTIFY_JOB,
    payload: z.object({ kudosIds: z.array(z.uuid()).min(1).max(1000) }),
    maxAttempts: 5,
    async handler({ kudosIds }, { db, workspaceId, log }) {
      if (!workspaceId) throw new Error('kudos belong to a workspace');
      const result = await notifyKudos(
        { db, config: settings(), jobs: new JobQueue(db) },
        workspaceId,
        kudosIds,
        new Date(),
      );
      if (result.messages > 0) log.info(result, 'kudos notified');
    },
  });
  return { notifyJob };
}

export const kudosNotifyJob = kudosJobs(processConfig).notifyJob;

import { z } from 'zod';
import { processConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { JobQueue } from '../../jobs/queue.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { recordWinbackScores, sendDueWinbacks } from './winback.service.ts';

export const WINBACK_JOB = 'cases.winback';

/**
 * Every ten minutes: win-back surveys for closed detractor cases whose delay is over, and the
 * scores after from those that were answered. Idempotent (see winback.service.ts).
 */
export const winbackJob = defineJob({
  name: WINBACK_JOB,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(_payload, { db, log }) {
    const now = new Date();
    // Workers poll the queue, so a queue without listeners is enough to enqueue the sends.
    const invited = await sendDueWinbacks(
      { db, config: processConfig(), jobs: new JobQueue(db) },
      now,
    );
    const scores = await recordWinbackScores(db, now);
    if (invited.due > 0 || scores.recorded > 0) log.info({ ...invited, ...scores }, 'win-back');
  },
});

export const repliesSchedules: Schedule[] = [
  { name: 'cases-winback', cron: '*/10 * * * *', jobName: WINBACK_JOB },
];

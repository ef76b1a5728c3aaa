import { z } from 'zod';
import { processConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { JobQueue } from '../../jobs/queue.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { checkDeadlines } from './deadlines.service.ts';

export const DEADLINES_JOB = 'cases.deadlines';

/** Every minute: reminders before case deadlines and escalations after them, in all workspaces. */
export const caseDeadlinesJob = defineJob({
  name: DEADLINES_JOB,
  payload: z.object({ workspaceId: z.uuid().optional() }),
  maxAttempts: 2,
  async handler({ workspaceId }, { db, log }) {
    // Workers poll the queue, so a queue without listeners is enough to enqueue the sends.
    const run = await checkDeadlines(
      { db, config: processConfig(), jobs: new JobQueue(db) },
      workspaceId ?? null,
      new Date(),
    );
    if (run.reminded + run.escalated > 0) log.info(run, 'case deadlines');
  },
});

export const caseRulesSchedules: Schedule[] = [
  { name: 'cases-deadlines', cron: '* * * * *', jobName: DEADLINES_JOB },
];

import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { deleteFinishedJobs } from '../../jobs/queue.repository.ts';
import { deleteExpiredSessions } from '../auth/auth.repository.ts';

/** Housekeeping that keeps the database small; both are safe to run twice. */
export const cleanSessionsJob = defineJob({
  name: 'system.sessions.cleanup',
  payload: z.object({}),
  async handler(_payload, { db, log }) {
    const removed = await deleteExpiredSessions(db);
    if (removed > 0) log.info({ removed }, 'expired sessions removed');
  },
});

const FINISHED_JOB_RETENTION_HOURS = 7 * 24;

export const cleanJobsJob = defineJob({
  name: 'system.jobs.cleanup',
  payload: z.object({}),
  async handler(_payload, { db, log }) {
    const removed = await deleteFinishedJobs(db, FINISHED_JOB_RETENTION_HOURS);
    if (removed > 0) log.info({ removed }, 'finished jobs removed');
  },
});

export const systemSchedules: Schedule[] = [
  { name: 'sessions-cleanup', cron: '17 * * * *', jobName: cleanSessionsJob.name },
  { name: 'jobs-cleanup', cron: '23 3 * * *', jobName: cleanJobsJob.name },
];

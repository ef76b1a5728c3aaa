import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob } from '../../jobs/job.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import {
  assignThemesToFeedback,
  reclusterWorkspace,
  updateRecurringIssues,
} from './theming.service.ts';
import { workspacesWithAnalysis, type AnalysedItem } from './themes.repository.ts';

export const ASSIGN_JOB = 'themes.assign';
export const RECLUSTER_JOB = 'themes.recluster';
export const RECURRING_JOB = 'themes.recurring';
export const FAN_OUT_JOB = 'themes.fan-out';

/** At most one queued re-clustering per workspace and slot (minute for on-demand, day for nightly). */
export function reclusterJob(workspaceId: string, slot: string) {
  return {
    name: RECLUSTER_JOB,
    workspaceId,
    payload: {},
    maxAttempts: 3,
    uniqueKey: `${RECLUSTER_JOB}:${workspaceId}:${slot}`,
  };
}

/** Places newly analysed items in existing themes; with no themes yet, asks for a first clustering. */
export async function assignThemesOrRequestClustering(
  db: Db,
  workspaceId: string,
  feedbackIds: string[],
  justAnalysed?: readonly AnalysedItem[],
) {
  const result = await assignThemesToFeedback(db, workspaceId, feedbackIds, justAnalysed);
  if (result.noThemes && result.items > 0) {
    // The first clustering needs some volume; the hourly key keeps this to one request an hour.
    await insertJobs(db, [reclusterJob(workspaceId, new Date().toISOString().slice(0, 13))]);
  }
  return result;
}

export const assignJob = defineJob({
  name: ASSIGN_JOB,
  payload: z.object({ feedbackIds: z.array(z.uuid()).min(1).max(5000) }),
  coalesce: { field: 'feedbackIds', max: 1000 },
  async handler({ feedbackIds }, { db, workspaceId, log }) {
    if (!workspaceId) throw new Error(`${ASSIGN_JOB} needs a workspace`);
    const result = await assignThemesOrRequestClustering(db, workspaceId, feedbackIds);
    log.debug({ ...result }, 'themes assigned');
  },
});

export const reclusterThemesJob = defineJob({
  name: RECLUSTER_JOB,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(_payload, { db, workspaceId, log }) {
    if (!workspaceId) throw new Error(`${RECLUSTER_JOB} needs a workspace`);
    const result = await reclusterWorkspace(db, workspaceId);
    await updateRecurringIssues(db, workspaceId);
    log.info({ ...result }, 'themes re-clustered');
  },
});

export const recurringJob = defineJob({
  name: RECURRING_JOB,
  payload: z.object({}),
  async handler(_payload, { db, workspaceId, log }) {
    if (!workspaceId) throw new Error(`${RECURRING_JOB} needs a workspace`);
    const result = await updateRecurringIssues(db, workspaceId);
    if (result.changed > 0) log.info({ ...result }, 'recurring issues updated');
  },
});

/** Scheduled: one re-clustering or recurring check per workspace that has analysed feedback. */
export const fanOutJob = defineJob({
  name: FAN_OUT_JOB,
  payload: z.object({ job: z.enum([RECLUSTER_JOB, RECURRING_JOB]) }),
  maxAttempts: 2,
  async handler({ job }, { db }) {
    const day = new Date().toISOString().slice(0, 10);
    const workspaces = await workspacesWithAnalysis(db);
    await insertJobs(
      db,
      workspaces.map(({ id }) =>
        job === RECLUSTER_JOB
          ? reclusterJob(id, day)
          : { name: RECURRING_JOB, workspaceId: id, payload: {}, uniqueKey: `${job}:${id}:${day}` },
      ),
    );
  },
});

export const themesJobs = [assignJob, reclusterThemesJob, recurringJob, fanOutJob];

/** Nightly re-clustering (which also refreshes the recurring flags) and a daily recurring check. */
export const themesSchedules: Schedule[] = [
  {
    name: 'themes-recluster',
    cron: '40 2 * * *',
    jobName: FAN_OUT_JOB,
    payload: { job: RECLUSTER_JOB },
  },
  {
    name: 'themes-recurring',
    cron: '10 7 * * *',
    jobName: FAN_OUT_JOB,
    payload: { job: RECURRING_JOB },
  },
];

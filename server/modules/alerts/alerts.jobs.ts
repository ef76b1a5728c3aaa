import { z } from 'zod';
import { processConfig, type Config } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import type { OutboundPolicy } from '../connectors/outbound-guard.ts';
import { DELIVER_JOB } from './alerts.repository.ts';
import { evaluateAlerts } from './alerts.service.ts';
import {
  deliverAlert,
  DELIVERY_ATTEMPTS,
  deliveryBackoffMs,
  policyFor,
} from './delivery.service.ts';
import { detectSpikes, hourFloor } from './spikes.service.ts';
import { listWorkspaceIds } from './spikes.repository.ts';

export const EVALUATE_JOB = 'alerts.evaluate';
export const SPIKES_TICK_JOB = 'alerts.spikes.tick';
export const SPIKES_DETECT_JOB = 'alerts.spikes.detect';

/**
 * The alerts' jobs, given where settings come from: jobs receive no configuration, so the process's
 * own is used; tests make the jobs with a configuration (and outbound policy) of their own.
 */
export function alertJobs(settings: () => { config: Config; policy: OutboundPolicy }) {
  const evaluateJob = defineJob({
    name: EVALUATE_JOB,
    payload: z.object({ feedbackIds: z.array(z.uuid()).min(1).max(1000) }),
    coalesce: { field: 'feedbackIds', max: 1000 },
    maxAttempts: 3,
    async handler({ feedbackIds }, { db, workspaceId, log }) {
      if (!workspaceId) throw new Error('alert evaluation needs a workspace');
      const result = await evaluateAlerts(db, workspaceId, feedbackIds);
      if (result.fired > 0) log.info(result, 'alerts fired');
    },
  });

  const deliverJob = defineJob({
    name: DELIVER_JOB,
    payload: z.object({ deliveryId: z.uuid() }),
    maxAttempts: DELIVERY_ATTEMPTS,
    backoffMs: deliveryBackoffMs,
    async handler({ deliveryId }, { db, workspaceId, attempt }) {
      if (!workspaceId) throw new Error('an alert delivery belongs to a workspace');
      const { config, policy } = settings();
      await deliverAlert({ db, config, policy }, workspaceId, deliveryId, {
        number: attempt,
        max: DELIVERY_ATTEMPTS,
      });
    },
  });

  /** Hourly: one detection job per workspace for the hour just ended, keyed so it runs once. */
  const spikesTickJob = defineJob({
    name: SPIKES_TICK_JOB,
    payload: z.object({}),
    maxAttempts: 2,
    async handler(_payload, { db }) {
      const end = hourFloor(new Date()).toISOString();
      const workspaceIds = await listWorkspaceIds(db);
      for (let start = 0; start < workspaceIds.length; start += 500)
        await insertJobs(
          db,
          workspaceIds.slice(start, start + 500).map((workspaceId) => ({
            name: SPIKES_DETECT_JOB,
            workspaceId,
            payload: { end },
            maxAttempts: 3,
            uniqueKey: `spikes:${workspaceId}:${end}`,
          })),
        );
    },
  });

  const spikesDetectJob = defineJob({
    name: SPIKES_DETECT_JOB,
    payload: z.object({ end: z.iso.datetime() }),
    maxAttempts: 3,
    async handler({ end }, { db, workspaceId, log }) {
      if (!workspaceId) throw new Error('spike detection needs a workspace');
      const run = await detectSpikes(db, workspaceId, new Date(end));
      if (run.spikes > 0) log.info(run, 'spikes detected');
    },
  });

  return { evaluateJob, deliverJob, spikesTickJob, spikesDetectJob };
}

export const alertsJobs = alertJobs(() => {
  const config = processConfig();
  return { config, policy: policyFor(config) };
});

/** A few minutes past each hour, when the hour's feedback has been analysed. */
export const alertSchedules: Schedule[] = [
  { name: 'alerts-spikes', cron: '7 * * * *', jobName: SPIKES_TICK_JOB },
];

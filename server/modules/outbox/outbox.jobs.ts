import { z } from 'zod';
import { processConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { SEND_JOB } from './outbox.repository.ts';
import { deliverMessage, releaseHeld, SEND_ATTEMPTS } from './outbox.service.ts';

export const RELEASE_HELD_JOB = 'outbox.release-held';

/** Sends one outbox message; retried with backoff, then the message is marked failed. */
export const sendMessageJob = defineJob({
  name: SEND_JOB,
  payload: z.object({ messageId: z.uuid() }),
  maxAttempts: SEND_ATTEMPTS,
  async handler({ messageId }, { db, workspaceId, attempt }) {
    if (!workspaceId) throw new Error('an outbox message belongs to a workspace');
    await deliverMessage(db, processConfig(), workspaceId, messageId, {
      number: attempt,
      max: SEND_ATTEMPTS,
    });
  },
});

/** Looks again at held messages (contact limits, open cases); idempotent, batched. */
export const releaseHeldJob = defineJob({
  name: RELEASE_HELD_JOB,
  payload: z.object({}).passthrough(),
  maxAttempts: 3,
  async handler(_payload, { db, log }) {
    // One bounded batch per run (every five minutes): messages held for an open case stay due
    // until it closes, so looping until none is due would spin on them.
    const { looked, released } = await releaseHeld(db, processConfig(), new Date(), 2000);
    if (released > 0) log.info({ looked, released }, 'held messages released');
  },
});

export const outboxSchedules: Schedule[] = [
  { name: 'outbox-release-held', cron: '*/5 * * * *', jobName: RELEASE_HELD_JOB },
];

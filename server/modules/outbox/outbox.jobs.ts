import { z } from 'zod';
import { processConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { SEND_JOB } from './outbox.repository.ts';
import { deliverMessage, SEND_ATTEMPTS } from './outbox.service.ts';

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

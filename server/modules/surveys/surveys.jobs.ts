import { z } from 'zod';
import { processConfig } from '../../config/env.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { defineJob } from '../../jobs/job.ts';
import { emailInvitations, SEND_INVITATIONS_JOB } from './invitations.service.ts';

/** Emails invitations whose delay is over (event triggers with a delay). Idempotent. */
export const sendInvitationsJob = defineJob({
  name: SEND_INVITATIONS_JOB,
  payload: z.object({ invitationIds: z.array(z.uuid()).min(1).max(1000) }),
  async handler({ invitationIds }, { db, workspaceId }) {
    if (!workspaceId) throw new Error('invitations belong to a workspace');
    // Workers poll the queue, so a queue without listeners is enough to enqueue the sends.
    await emailInvitations(
      { db, config: processConfig(), jobs: new JobQueue(db) },
      workspaceId,
      invitationIds,
    );
  },
});

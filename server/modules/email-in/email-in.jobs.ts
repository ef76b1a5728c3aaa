import { z } from 'zod';
import { loadConfig } from '../../config/env.ts';
import { defineJob } from '../../jobs/job.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import type { Schedule } from '../../jobs/scheduler.ts';
import { recordPostHealth } from '../listening-posts/listening-posts.service.ts';
import { pollMailbox, readerFor, nextPollDelayMs } from './imap-poll.ts';
import * as repo from './imap.repository.ts';

const POLL_JOB = 'email.imap.poll';

/**
 * Every minute: one poll job per email post with IMAP settings that is due. The unique key (post
 * and minute) keeps two schedulers from polling the same mailbox twice in a minute.
 */
export const imapFanOutJob = defineJob({
  name: 'email.imap.fan-out',
  payload: z.object({}),
  maxAttempts: 1,
  async handler(_payload, { db }) {
    const targets = await repo.duePollTargets(db, 1000);
    const minute = new Date().toISOString().slice(0, 16);
    await insertJobs(
      db,
      targets.map((target) => ({
        name: POLL_JOB,
        workspaceId: target.workspaceId,
        payload: { postId: target.postId },
        maxAttempts: 1,
        uniqueKey: `email.imap:${target.postId}:${minute}`,
      })),
    );
  },
});

/**
 * Polls one mailbox. Failures are not retried by the queue: they set the post's status and last
 * error (shown in the dashboard) and back the next poll off, so a wrong password does not fill
 * the dead-letter list once a minute.
 */
export const imapPollJob = defineJob({
  name: POLL_JOB,
  payload: z.object({ postId: z.uuid() }),
  maxAttempts: 1,
  async handler({ postId }, { db, workspaceId, log }) {
    if (!workspaceId) throw new Error(`${POLL_JOB} needs a workspace`);
    const target = await repo.pollTarget(db, workspaceId, postId);
    if (!target || target.kind !== 'email' || target.status === 'paused') return;
    const reader = readerFor(target, log);
    if (typeof reader === 'string') {
      const state = await repo.readImapState(db, workspaceId, postId);
      await repo.finishImapRun(db, workspaceId, postId, {
        failed: true,
        nextPollAt: new Date(Date.now() + nextPollDelayMs(state.failures + 1)),
      });
      await recordPostHealth({ db }, workspaceId, postId, `IMAP: ${reader}`);
      return;
    }
    // Jobs get no AppContext; the limits come from this process's configuration.
    const config = loadConfig();
    try {
      const result = await pollMailbox(
        { db, config, maxMessageBytes: config.EMAIL_MAX_MESSAGE_BYTES },
        target,
        reader,
        log,
      );
      if (result.fetched > 0) log.info({ postId, ...result }, 'mailbox polled');
    } catch (error) {
      log.warn({ err: error, postId }, 'mailbox poll failed');
    }
  },
});

export const emailSchedules: Schedule[] = [
  { name: 'email-imap-poll', cron: '* * * * *', jobName: imapFanOutJob.name },
];

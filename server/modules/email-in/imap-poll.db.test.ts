import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { imapFanOutJob, imapPollJob } from './email-in.jobs.ts';
import { pollMailbox, type MailboxReader } from './imap-poll.ts';
import * as repo from './imap.repository.ts';

/**
 * IMAP itself cannot be reached from these tests (no IMAP server here), so these drive the
 * polling bookkeeping with a scripted mailbox instead of ImapFlow: which UIDs are asked for, what
 * is stored, what happens on UIDVALIDITY change and on errors. The ImapFlow adapter (imapReader)
 * is not exercised by any test.
 */
function scriptedMailbox(uidValidity: number, messages: Array<{ uid: number; source: string }>) {
  const asked: number[] = [];
  const reader: MailboxReader & { asked: number[]; failOpen?: string } = {
    asked,
    async open() {
      if (reader.failOpen) throw new Error(reader.failOpen);
      return { uidValidity, uidNext: Math.max(0, ...messages.map((m) => m.uid)) + 1 };
    },
    async *messagesFrom(uid) {
      asked.push(uid);
      // Like a real server, `n:*` returns the last message even when its UID is below n.
      const found = messages.filter((m) => m.uid >= uid);
      const list = found.length > 0 ? found : messages.slice(-1);
      for (const m of list)
        yield { uid: m.uid, source: Buffer.from(m.source), size: Buffer.byteLength(m.source) };
    },
    async close() {},
  };
  return reader;
}

const mail = (id: string, text: string) =>
  [
    'From: Pat Customer <pat@example.org>',
    'To: support@acme.example',
    `Message-ID: <${id}@example.org>`,
    'Subject: Feedback',
    '',
    text,
  ].join('\r\n');

describeEachEngine('IMAP polling bookkeeping', ({ ctx }) => {
  let workspace: TestWorkspace;
  const log = createLogger({ LOG_LEVEL: 'silent' });
  const deps = () => ({ db: ctx().db, config: ctx().config, maxMessageBytes: 1_000_000 });
  const newPost = async () => {
    const post = await createPost(ctx(), workspace.id, {
      kind: 'email',
      name: 'Shared inbox',
      settings: { imap: { host: 'imap.example.org', user: 'support@acme.example' } },
    });
    return { workspaceId: workspace.id, postId: post.id, config: {} };
  };
  const postHealth = async (postId: string) =>
    (
      await queryRows<{ status: string; lastError: string | null }>(
        ctx().db,
        sql`SELECT status, last_error AS "lastError" FROM listening_posts WHERE workspace_id = ${workspace.id} AND id = ${postId}`,
      )
    )[0];
  const rawCount = async (postId: string) =>
    (
      await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id} AND post_id = ${postId}`,
      )
    )[0]?.n;

  beforeAll(async () => {
    workspace = await createTestWorkspace(ctx());
  });

  it('takes each UID once and resumes after the last one', async () => {
    const target = await newPost();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const first = scriptedMailbox(9, [
      { uid: 3, source: mail(ids[0]!, 'one') },
      { uid: 7, source: mail(ids[1]!, 'two') },
    ]);
    expect(await pollMailbox(deps(), target, first, log)).toMatchObject({ fetched: 2, stored: 2 });
    expect(first.asked).toEqual([1]);
    expect(await repo.readImapState(ctx().db, workspace.id, target.postId)).toMatchObject({
      uidValidity: 9,
      lastUid: 7,
      failures: 0,
    });

    const unchanged = scriptedMailbox(9, [
      { uid: 3, source: mail(ids[0]!, 'one') },
      { uid: 7, source: mail(ids[1]!, 'two') },
    ]);
    expect(await pollMailbox(deps(), target, unchanged, log)).toMatchObject({ fetched: 0 });
    expect(unchanged.asked).toEqual([]);

    const more = scriptedMailbox(9, [
      { uid: 7, source: mail(ids[1]!, 'two') },
      { uid: 12, source: mail(ids[2]!, 'three') },
    ]);
    expect(await pollMailbox(deps(), target, more, log)).toMatchObject({ fetched: 1, stored: 1 });
    expect(more.asked).toEqual([8]);
    expect(await rawCount(target.postId)).toBe(3);
  });

  it('reads the mailbox again after a UIDVALIDITY change without storing anything twice', async () => {
    const target = await newPost();
    const id = randomUUID();
    await pollMailbox(deps(), target, scriptedMailbox(1, [{ uid: 5, source: mail(id, 'x') }]), log);
    const rebuilt = scriptedMailbox(2, [{ uid: 1, source: mail(id, 'x') }]);
    expect(await pollMailbox(deps(), target, rebuilt, log)).toMatchObject({
      fetched: 1,
      stored: 0,
    });
    expect(rebuilt.asked).toEqual([1]);
    expect(await rawCount(target.postId)).toBe(1);
  });

  it('puts errors on the post, backs off, and clears them after a good run', async () => {
    const target = await newPost();
    const failing = scriptedMailbox(1, []);
    failing.failOpen = 'Invalid credentials (Failure)';
    await expect(pollMailbox(deps(), target, failing, log)).rejects.toThrow('Invalid credentials');
    expect(await postHealth(target.postId)).toEqual({
      status: 'error',
      lastError: 'IMAP: Invalid credentials (Failure)',
    });
    const [state] = await queryRows<{ failures: number; waitS: number }>(
      ctx().db,
      sql`SELECT failures, extract(epoch FROM next_poll_at - now())::int AS "waitS" FROM email_imap_state
          WHERE workspace_id = ${workspace.id} AND post_id = ${target.postId}`,
    );
    expect(state?.failures).toBe(1);
    expect(state?.waitS).toBeGreaterThan(100); // 2 minutes after one failure
    expect(await repo.duePollTargets(ctx().db, 10_000)).not.toContainEqual(
      expect.objectContaining({ postId: target.postId }),
    );

    await pollMailbox(deps(), target, scriptedMailbox(1, []), log);
    expect(await postHealth(target.postId)).toEqual({ status: 'active', lastError: null });
  });

  it('fans out one poll job per due mailbox; a post without its password gets an error, not a retry loop', async () => {
    const target = await newPost();
    await imapFanOutJob.handler(
      {},
      {
        db: ctx().db,
        jobId: 0,
        attempt: 1,
        workspaceId: null,
        log,
        signal: new AbortController().signal,
      },
    );
    const jobs = await queryRows<{ payload: { postId: string } }>(
      ctx().db,
      sql`UPDATE jobs SET state = 'done' WHERE workspace_id = ${workspace.id} AND name = 'email.imap.poll' AND state = 'queued'
          RETURNING payload`,
    );
    expect(jobs.map((job) => job.payload.postId)).toContain(target.postId);

    await imapPollJob.handler(
      { postId: target.postId },
      {
        db: ctx().db,
        jobId: 0,
        attempt: 1,
        workspaceId: workspace.id,
        log,
        signal: new AbortController().signal,
      },
    );
    expect(await postHealth(target.postId)).toEqual({
      status: 'error',
      lastError: 'IMAP: IMAP password not set',
    });
  });
});

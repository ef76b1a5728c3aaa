import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.ts';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { suppressAddress } from '../consent/consent.service.ts';
import { deliverMessage, enqueueMessages, listOutbox, retryMessage } from './outbox.service.ts';
import { byMessageId, rawHeader, startSmtpSink, type SmtpSink } from './smtp-sink.test-helper.ts';

describeEachEngine('outbox', ({ ctx }) => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());

  const smtpContext = () => {
    const config = parseConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: '.tmp/test-data',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Acme Feedback <feedback@acme.test>',
      PUBLIC_URL: 'https://feedback.acme.test',
    });
    return { ...ctx(), config };
  };
  const message = (to: string, key: string) => ({
    dedupKey: key,
    to,
    subject: 'How did we do?',
    html: '<p>Hello <b>there</b></p>',
    text: 'Hello there',
  });
  const receivedFor = (id: string) =>
    smtp.received.filter((mail) => mail.headers.get('x-hearken-message') === id);
  const attempt = (number: number, max = 5) => ({ number, max });

  it('keeps mail local when no SMTP server is configured', async () => {
    const workspace = await createTestWorkspace(ctx());
    await enqueueMessages(ctx(), workspace.id, [message('a@acme.test', 'k1')]);
    await enqueueMessages(ctx(), workspace.id, [message('a@acme.test', 'k1')]);
    const items = await listOutbox(ctx(), workspace.id, 10);
    expect(items.map((item) => item.state)).toEqual(['local']);
    const jobs = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = ${workspace.id} AND name = 'outbox.send'`,
    );
    expect(jobs[0]!.n).toBe(0);
  });

  it('sends queued mail through a real SMTP server, once, with unsubscribe headers', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      message('ada@acme.test', 'k2'),
    ]);
    const [job] = await queryRows<{ payload: { messageId: string } }>(
      ctx().db,
      sql`SELECT payload FROM jobs WHERE workspace_id = ${workspace.id} AND name = 'outbox.send'`,
    );
    expect(job!.payload.messageId).toBe(written!.id);
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(1));
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(2));
    const mails = receivedFor(written!.id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('How did we do?');
    expect(mail.from?.text).toBe('"Acme Feedback" <feedback@acme.test>');
    expect(mail.messageId).toBe(`<${written!.messageId}>`);
    expect(mail.html).toContain('<b>there</b>');
    expect(mail.text).toContain('Hello there');
    expect(rawHeader(mail, 'list-unsubscribe')).toMatch(
      /^<https:\/\/feedback\.acme\.test\/c\/[\w.-]+\/unsubscribe>$/,
    );
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('No more emails like this: https://feedback.acme.test/c/');
    const [row] = await listOutbox(ctx(), workspace.id, 10);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it('adds no unsubscribe header or footer to staff mail', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      { ...message('lead@acme.test', 'k-int'), purpose: 'internal' },
    ]);
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(1));
    const [mail] = receivedFor(written!.id);
    expect(rawHeader(mail!, 'list-unsubscribe')).toBeUndefined();
    expect(mail!.text).not.toContain('No more emails');
  });

  it('does not send to an address suppressed after the message was written', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      message('late@acme.test', 'k-late'),
    ]);
    await suppressAddress(ctx().db, workspace.id, 'LATE@acme.test', 'complaint', null);
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(1));
    expect(receivedFor(written!.id)).toHaveLength(0);
    expect((await listOutbox(ctx(), workspace.id, 1))[0]).toMatchObject({
      state: 'blocked',
      stateReason: 'address suppressed (complaint)',
    });
  });

  it('resends with the same Message-ID after a crash between SMTP and commit', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      message('grace@acme.test', 'k-crash'),
    ]);
    const start = new Date();
    // The worker "dies" after the SMTP server said 250 and before `sent` was committed.
    await expect(
      deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(1), {
        now: start,
        afterHandoff: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect((await listOutbox(ctx(), workspace.id, 1))[0]).toMatchObject({ state: 'sending' });
    // A rerun while the claim is fresh does not send: another worker may still be at it.
    await expect(
      deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(2), {
        now: start,
        staleMs: 30_000,
      }),
    ).rejects.toThrow('another worker');
    expect(receivedFor(written!.id)).toHaveLength(1);
    // The job's rerun after the lease ran out finds the claim stale and resends.
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(3), {
      now: new Date(start.getTime() + 60_000),
      staleMs: 30_000,
    });
    const copies = receivedFor(written!.id);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((mail) => mail.messageId))).toEqual(
      new Set([`<${written!.messageId}>`]),
    );
    expect(byMessageId(copies).size).toBe(1);
    expect((await listOutbox(ctx(), workspace.id, 1))[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
    // And never again once it is sent.
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(4), {
      now: new Date(start.getTime() + 120_000),
      staleMs: 30_000,
    });
    expect(receivedFor(written!.id)).toHaveLength(2);
  });

  it('records a refused delivery, retries, marks it failed, and sends it again on Retry', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      message('bounce@acme.test', 'k3'),
    ]);
    const send = (number: number) =>
      deliverMessage(ctx().db, context.config, workspace.id, written!.id, attempt(number, 2));
    await expect(send(1)).rejects.toThrow();
    expect((await listOutbox(ctx(), workspace.id, 10))[0]).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: expect.stringContaining('no such mailbox'),
    });
    await expect(send(2)).rejects.toThrow();
    expect((await listOutbox(ctx(), workspace.id, 10))[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
    });
    await queryRows(
      ctx().db,
      sql`UPDATE jobs SET state = 'dead' WHERE unique_key = ${`outbox:${written!.id}`}`,
    );
    const retried = await retryMessage(context, workspace.id, written!.id);
    expect(retried).toMatchObject({ state: 'queued', attempts: 0 });
    const [job] = await queryRows<{ state: string; attempts: number }>(
      ctx().db,
      sql`SELECT state, attempts FROM jobs WHERE unique_key = ${`outbox:${written!.id}`}`,
    );
    expect(job).toEqual({ state: 'queued', attempts: 0 });
    await expect(retryMessage(context, workspace.id, written!.id)).rejects.toMatchObject({
      status: 404,
    });
  });
});

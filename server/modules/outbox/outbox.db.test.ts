import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { deliverMessage, enqueueMessages, listOutbox } from './outbox.service.ts';

/** A real SMTP server on a free local port that keeps what it receives (and refuses one address). */
function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@'))
        return callback(new Error('550 no such mailbox here'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise<{ port: number; received: ParsedMail[]; close(): Promise<void> }>(
    (resolve) => {
      server.listen(0, '127.0.0.1', () =>
        resolve({
          port: (server.server.address() as AddressInfo).port,
          received,
          close: () => new Promise((done) => server.close(() => done())),
        }),
      );
    },
  );
}

describeEachEngine('outbox', ({ ctx }) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  const smtpContext = () => {
    const config = parseConfig({
      LOG_LEVEL: 'silent',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Acme Feedback <feedback@acme.test>',
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

  it('sends queued mail through a real SMTP server, once', async () => {
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
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, {
      number: 1,
      max: 5,
    });
    await deliverMessage(ctx().db, context.config, workspace.id, written!.id, {
      number: 2,
      max: 5,
    });
    const mails = smtp.received.filter(
      (mail) => mail.headers.get('x-hearken-message') === written!.id,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('How did we do?');
    expect(mails[0]!.from?.text).toBe('"Acme Feedback" <feedback@acme.test>');
    expect(mails[0]!.html).toContain('<b>there</b>');
    expect(mails[0]!.text?.trim()).toBe('Hello there');
    const [row] = await listOutbox(ctx(), workspace.id, 10);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it('records a refused delivery, retries, and marks it failed on the last attempt', async () => {
    const workspace = await createTestWorkspace(ctx());
    const context = smtpContext();
    const [written] = await enqueueMessages(context, workspace.id, [
      message('bounce@acme.test', 'k3'),
    ]);
    const attempt = (number: number) =>
      deliverMessage(ctx().db, context.config, workspace.id, written!.id, { number, max: 2 });
    await expect(attempt(1)).rejects.toThrow();
    expect((await listOutbox(ctx(), workspace.id, 10))[0]).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: expect.stringContaining('no such mailbox'),
    });
    await expect(attempt(2)).rejects.toThrow();
    expect((await listOutbox(ctx(), workspace.id, 10))[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
    });
  });
});

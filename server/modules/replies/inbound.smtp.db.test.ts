import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { findCase, insertCases } from '../cases/cases.repository.ts';
import { threadOf } from '../email-in/email-in.service.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../email-in/smtp-receiver.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { sendReply } from './replies.service.ts';
import { caseEvents, closeCase, outboxOfCase } from './replies.test-helper.ts';

/**
 * The loop through the real inbound path: the customer emails the feedback inbox, a case holds
 * that email, the agent replies (threaded under it), and the customer's answer to the reply
 * arrives over SMTP, is normalised, and joins the same case and email thread.
 */
describeEachEngine('inbound replies over SMTP', ({ ctx }) => {
  let workspace: TestWorkspace;
  let receiver: SmtpReceiver;
  let transport: Transporter;
  let inbox: string;
  const customer = `jane-${randomBytes(4).toString('hex')}@customer.example`;

  beforeAll(async () => {
    workspace = await createTestWorkspace(ctx());
    inbox = `feedback-${randomBytes(4).toString('hex')}@acme.example`;
    await createPost(ctx(), workspace.id, {
      kind: 'email',
      name: 'Feedback inbox',
      settings: { address: inbox },
    });
    receiver = await startSmtpReceiver(ctx(), {
      port: 0,
      host: '127.0.0.1',
      maxMessageBytes: ctx().config.EMAIL_MAX_MESSAGE_BYTES,
      graceMs: 500,
    });
    transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    transport.close();
    await receiver.close();
  });

  const feedbackOf = async (messageId: string) => {
    await runQueuedNormalisation(ctx(), workspace.id);
    const [row] = await queryRows<{ id: string; contactId: string }>(
      ctx().db,
      sql`SELECT id, contact_id AS "contactId" FROM feedback
          WHERE workspace_id = ${workspace.id} AND metadata->>'messageId' = ${messageId}`,
    );
    if (!row) throw new Error(`no feedback for ${messageId}`);
    return row;
  };

  it('brings the customer’s answer back into the case, and reopens it when closed', async () => {
    const first = `${randomUUID()}@customer.example`;
    await transport.sendMail({
      from: `"Jane Doe" <${customer}>`,
      to: inbox,
      subject: 'Invoices are wrong',
      text: 'My last three invoices charged VAT twice.',
      messageId: `<${first}>`,
    });
    const complaint = await feedbackOf(first);
    const [opened] = await insertCases(ctx().db, workspace.id, [
      {
        kind: 'case',
        title: 'Invoices are wrong',
        contactId: complaint.contactId,
        accountId: null,
        ownerId: null,
        teamId: null,
        ruleId: null,
        dueAt: null,
        deadlines: {},
        scoreType: null,
        scoreBefore: null,
        feedbackIds: [complaint.id],
        actorId: null,
      },
    ]);
    const caseId = opened!.id;

    const reply = await sendReply(
      ctx(),
      workspace.id,
      caseId,
      {
        body: 'Jane, you are right: the VAT was applied twice since the March price change. I have refunded the difference today.',
        idempotencyKey: randomUUID(),
      },
      workspace.owner.id,
    );
    const [outgoing] = await outboxOfCase(ctx(), workspace.id, caseId);
    expect(outgoing).toMatchObject({
      to: customer,
      subject: 'Re: Invoices are wrong',
      inReplyTo: first,
      references: [first],
      // The customer's mail client answers to the feedback inbox, so the answer comes back in.
      replyTo: inbox,
    });

    // The customer answers our reply from their mail client.
    const answer = `${randomUUID()}@customer.example`;
    await transport.sendMail({
      from: `"Jane Doe" <${customer}>`,
      to: inbox,
      subject: 'Re: Invoices are wrong',
      text: 'Thank you, I see the refund.\n\nOn Tue, Acme wrote:\n> Jane, you are right',
      messageId: `<${answer}>`,
      inReplyTo: `<${reply.messageId}>`,
      references: [`<${first}>`, `<${reply.messageId}>`],
    });
    const answered = await feedbackOf(answer);
    const events = await caseEvents(ctx(), workspace.id, caseId);
    expect(events.map((e) => e.type)).toEqual([
      'opened',
      'reply_sent',
      'feedback_added',
      'reply_received',
    ]);
    expect(events.at(-1)!.data).toMatchObject({
      feedbackId: answered.id,
      messageId: reply.messageId,
    });
    // One email thread: the complaint, and the answer to our reply.
    const thread = await threadOf(ctx(), workspace.id, [first]);
    expect(thread!.messages.map((m) => m.messageId).sort()).toEqual([first, answer].sort());

    // After closing, another answer reopens the case into follow-up.
    await closeCase(ctx(), workspace.id, caseId, new Date());
    const late = `${randomUUID()}@customer.example`;
    await transport.sendMail({
      from: `"Jane Doe" <${customer}>`,
      to: inbox,
      subject: 'Re: Invoices are wrong',
      text: 'Actually this month it happened again.',
      messageId: `<${late}>`,
      // Only our Message-ID: the thread is found through the reply we sent.
      inReplyTo: `<${reply.messageId}>`,
      references: [`<${reply.messageId}>`],
    });
    await feedbackOf(late);
    const longer = await threadOf(ctx(), workspace.id, [first]);
    expect(longer!.messages).toHaveLength(3);
    expect(await findCase(ctx().db, workspace.id, caseId)).toMatchObject({
      stage: 'follow_up',
      closedAt: null,
    });
    expect((await caseEvents(ctx(), workspace.id, caseId)).at(-1)!.type).toBe('reopened');
  });
});

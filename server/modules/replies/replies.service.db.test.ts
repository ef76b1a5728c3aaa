import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { findCase } from '../cases/cases.repository.ts';
import { CONSENT_QUESTION } from './reply-email.ts';
import { createTestCase, createTestSnippet } from './replies.fixture.ts';
import { checkReply, composerContext, inviteToReview, sendReply } from './replies.service.ts';
import { addInboundEmail, caseEvents, outboxOfCase } from './replies.test-helper.ts';
import { stockReplyShare } from './stock.service.ts';

const STOCK =
  'Thank you for reaching out. We are sorry for the trouble with your order. Our team has escalated it and you will hear from us within two working days.';
const PERSONAL =
  'Peter, I read what you wrote about the TPS reports breaking again after Tuesday’s update. I called Milton in our support team, he reproduced it and a fix goes out on Friday morning.';

describeEachEngine('replies', ({ ctx }) => {
  const key = () => randomUUID();
  const now = new Date('2026-11-20T10:00:00Z');

  it('threads a reply under the customer’s last email, quotes them and records the response', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const first = await addInboundEmail(ctx(), ws.id, target, {
      subject: 'Broken reports',
      text: 'The reports broke.',
      receivedAt: new Date('2026-11-18T09:00:00Z'),
    });
    const last = await addInboundEmail(ctx(), ws.id, target, {
      subject: 'Re: Broken reports',
      text: 'Still broken <b>today</b>.',
      references: [first.messageId],
      receivedAt: new Date('2026-11-19T09:00:00Z'),
    });
    const sent = await sendReply(
      ctx(),
      ws.id,
      target.caseId,
      { body: PERSONAL, idempotencyKey: key() },
      ws.owner.id,
      now,
    );
    expect(sent).toMatchObject({ state: 'local', stock: false, duplicate: false });
    const [message] = await outboxOfCase(ctx(), ws.id, target.caseId);
    expect(message).toMatchObject({
      purpose: 'reply',
      contactId: target.contactId,
      subject: 'Re: Broken reports',
      inReplyTo: last.messageId,
      references: [first.messageId, last.messageId],
      messageId: sent.messageId,
    });
    expect(message!.to).toMatch(/@initech\.test$/);
    // The agent's words first, then the customer's, quoted and escaped.
    expect(message!.html.indexOf('Milton')).toBeLessThan(message!.html.indexOf('<blockquote'));
    expect(message!.html).toContain('Still broken &lt;b&gt;today&lt;/b&gt;.');
    expect(message!.text).toContain('> Still broken <b>today</b>.');
    const events = await caseEvents(ctx(), ws.id, target.caseId);
    expect(events.at(-1)).toMatchObject({
      type: 'reply_sent',
      actorId: ws.owner.id,
      data: { outboxId: sent.id, messageId: sent.messageId, stock: false },
    });
    const found = await findCase(ctx().db, ws.id, target.caseId);
    expect(new Date(found!.firstResponseAt!).toISOString()).toBe(now.toISOString());
    // A second reply leaves the first response time alone.
    await sendReply(
      ctx(),
      ws.id,
      target.caseId,
      { body: `${PERSONAL} One more thing: the fix is live.`, idempotencyKey: key() },
      ws.owner.id,
      new Date('2026-11-21T10:00:00Z'),
    );
    const again = await findCase(ctx().db, ws.id, target.caseId);
    expect(new Date(again!.firstResponseAt!).toISOString()).toBe(now.toISOString());
  });

  it('starts a new thread when the case has no email, quoting the latest feedback', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    await sendReply(ctx(), ws.id, target.caseId, { body: PERSONAL, idempotencyKey: key() }, null);
    const [message] = await outboxOfCase(ctx(), ws.id, target.caseId);
    expect(message).toMatchObject({
      subject: 'About your feedback',
      inReplyTo: null,
      references: [],
    });
    expect(message!.html).toMatch(/<blockquote[^>]*>\s*<p>(Still waiting|Call me)/);
  });

  it('sends once per idempotency key (a double click)', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const input = { body: PERSONAL, idempotencyKey: key() };
    const [a, b] = await Promise.all([
      sendReply(ctx(), ws.id, target.caseId, input, null),
      sendReply(ctx(), ws.id, target.caseId, input, null).catch(() =>
        sendReply(ctx(), ws.id, target.caseId, input, null),
      ),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await outboxOfCase(ctx(), ws.id, target.caseId)).toHaveLength(1);
    const sentEvents = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'reply_sent',
    );
    expect(sentEvents).toHaveLength(1);
  });

  it('refuses a contact without an email address with 422', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    await ctx().db.execute(
      sql`UPDATE contacts SET email = NULL WHERE workspace_id = ${ws.id} AND id = ${target.contactId}`,
    );
    const error = await sendReply(
      ctx(),
      ws.id,
      target.caseId,
      { body: PERSONAL, idempotencyKey: key() },
      null,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422, code: 'no_email' });
  });

  it('warns about a stock reply sent to others, and not about personal text', async () => {
    const ws = await createTestWorkspace(ctx());
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push(await createTestCase(ctx(), ws.id));
    const [a, b, c] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
    await sendReply(ctx(), ws.id, a.caseId, { body: STOCK, idempotencyKey: key() }, null);
    // The same contact again is not "others".
    expect(await checkReply(ctx(), ws.id, a.caseId, STOCK)).toMatchObject({
      stock: false,
      others: 0,
    });
    expect(await checkReply(ctx(), ws.id, b.caseId, STOCK.replace('two', 'three'))).toMatchObject({
      stock: true,
      others: 1,
      snippet: null,
    });
    const refused = await sendReply(
      ctx(),
      ws.id,
      b.caseId,
      { body: STOCK, idempotencyKey: key() },
      null,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'stock_reply' });
    expect(await outboxOfCase(ctx(), ws.id, b.caseId)).toHaveLength(0);
    const anyway = await sendReply(
      ctx(),
      ws.id,
      b.caseId,
      { body: STOCK, idempotencyKey: key(), acknowledgeStock: true },
      null,
    );
    expect(anyway.stock).toBe(true);
    expect(anyway.similarity).toBeGreaterThanOrEqual(0.7);
    expect(await checkReply(ctx(), ws.id, c.caseId, STOCK)).toMatchObject({
      stock: true,
      others: 2,
    });
    expect(await checkReply(ctx(), ws.id, c.caseId, PERSONAL)).toMatchObject({
      stock: false,
      others: 0,
      snippet: null,
    });
    const [event] = (await caseEvents(ctx(), ws.id, b.caseId)).filter(
      (e) => e.type === 'reply_sent',
    );
    expect(event!.data).toMatchObject({ stock: true, others: 1 });
  });

  it('counts a reply that is only a snippet as stock, even the first time', async () => {
    const ws = await createTestWorkspace(ctx());
    const snippet = await createTestSnippet(ctx(), ws.id);
    const target = await createTestCase(ctx(), ws.id);
    const composer = await composerContext(ctx(), ws.id, target.caseId);
    const filled = composer.snippets[0]!.body;
    expect(filled).toMatch(/^Hi Peter, thank you/);
    expect(await checkReply(ctx(), ws.id, target.caseId, filled)).toMatchObject({
      stock: true,
      others: 0,
      snippet: { id: snippet.id, name: snippet.name },
    });
    // The snippet as a start, made personal, is not stock.
    expect(await checkReply(ctx(), ws.id, target.caseId, `${filled}\n\n${PERSONAL}`)).toMatchObject(
      {
        stock: false,
      },
    );
  });

  it('asks for consent with Yes/No links and records the request', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const sent = await sendReply(
      ctx(),
      ws.id,
      target.caseId,
      { body: PERSONAL, idempotencyKey: key(), askConsent: ['follow_up', 'product_reviews'] },
      null,
    );
    const [message] = await outboxOfCase(ctx(), ws.id, target.caseId);
    expect(message!.html).toContain(CONSENT_QUESTION);
    // Signed personal links for this very message (its Message-ID is in the token).
    expect(message!.messageId).toBe(sent.messageId);
    expect(message!.html).toMatch(/\/c\/[\w.-]+\/consent\?purpose=follow_up&amp;answer=yes/);
    expect(message!.html).toContain('consent?purpose=product_reviews&amp;answer=no');
    const requested = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'consent_requested',
    );
    expect(requested.map((e) => e.data['purpose'])).toEqual(['follow_up', 'product_reviews']);
  });

  it('invites to product reviews once per key, purpose product_review', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const input = { message: 'Would you join our next product review?', idempotencyKey: key() };
    const first = await inviteToReview(ctx(), ws.id, target.caseId, input, null);
    const second = await inviteToReview(ctx(), ws.id, target.caseId, input, null);
    expect(second).toMatchObject({ id: first.id, duplicate: true });
    const messages = await outboxOfCase(ctx(), ws.id, target.caseId);
    expect(messages.map((m) => m.purpose)).toEqual(['product_review']);
    const invited = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'review_invited',
    );
    expect(invited).toHaveLength(1);
  });

  it('computes the share of stock replies per team', async () => {
    const ws = await createTestWorkspace(ctx());
    const teamId = randomUUID();
    const a = await createTestCase(ctx(), ws.id);
    const b = await createTestCase(ctx(), ws.id);
    await ctx().db.execute(
      sql`UPDATE cases SET team_id = ${teamId} WHERE workspace_id = ${ws.id} AND id = ${b.caseId}`,
    );
    await sendReply(ctx(), ws.id, a.caseId, { body: STOCK, idempotencyKey: key() }, null, now);
    await sendReply(
      ctx(),
      ws.id,
      b.caseId,
      { body: STOCK, idempotencyKey: key(), acknowledgeStock: true },
      null,
      now,
    );
    await sendReply(ctx(), ws.id, b.caseId, { body: PERSONAL, idempotencyKey: key() }, null, now);
    const share = await stockReplyShare(ctx().db, ws.id, {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(share).toEqual([
      { teamId, replies: 2, stock: 1 },
      { teamId: null, replies: 1, stock: 0 },
    ]);
    expect(
      await stockReplyShare(ctx().db, ws.id, {
        from: new Date('2026-12-01'),
        to: new Date('2027-01-01'),
      }),
    ).toEqual([]);
  });

  it('shows the composer the customer’s words, history and past replies', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const other = await queryRows<{ id: string }>(
      ctx().db,
      sql`INSERT INTO feedback (workspace_id, channel, contact_id, text)
          VALUES (${ws.id}, 'api', ${target.contactId}, 'An older remark') RETURNING id`,
    );
    await sendReply(ctx(), ws.id, target.caseId, { body: PERSONAL, idempotencyKey: key() }, null);
    const composer = await composerContext(ctx(), ws.id, target.caseId);
    expect(composer.canEmail).toBe(true);
    expect(composer.quoted.map((q) => q.text).sort()).toEqual([
      'Call me on 555-0100, the TPS reports broke again.',
      'Still waiting for an answer.',
    ]);
    expect(composer.history.map((h) => h.id)).toEqual([other[0]!.id]);
    expect(composer.replies).toEqual([
      expect.objectContaining({ caseId: target.caseId, state: 'local' }),
    ]);
  });
});

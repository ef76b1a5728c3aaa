import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { findCase, findCaseOfFeedback } from '../cases/cases.repository.ts';
import { attachInboundReplies } from './inbound.service.ts';
import { createTestCase } from './replies.fixture.ts';
import { sendReply } from './replies.service.ts';
import { caseEvents, closeCase } from './replies.test-helper.ts';

const BODY =
  'Peter, I read what you wrote about the TPS reports and asked Milton to look at it with you this afternoon.';

describeEachEngine('inbound replies', ({ ctx }) => {
  const now = new Date('2026-11-22T08:00:00Z');

  async function answer(workspaceId: string, contactId: string, metadata: Record<string, unknown>) {
    const [row] = await queryRows<{ id: string }>(
      ctx().db,
      sql`INSERT INTO feedback (workspace_id, channel, contact_id, text, metadata)
          VALUES (${workspaceId}, 'email', ${contactId}, 'Thanks, that helped', ${JSON.stringify(metadata)}::jsonb)
          RETURNING id`,
    );
    return row!.id;
  }

  async function repliedCase() {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    const sent = await sendReply(
      ctx(),
      ws.id,
      target.caseId,
      { body: BODY, idempotencyKey: randomUUID() },
      null,
    );
    return { ws, ...target, messageId: sent.messageId! };
  }

  it('attaches the customer’s answer to the case of the reply it answers', async () => {
    const { ws, caseId, contactId, messageId } = await repliedCase();
    const feedbackId = await answer(ws.id, contactId, {
      inReplyTo: messageId,
      references: [messageId],
    });
    const unrelated = await answer(ws.id, contactId, {
      inReplyTo: `${randomUUID()}@elsewhere`,
      references: [],
    });
    const result = await attachInboundReplies(
      ctx().db,
      ws.id,
      [
        {
          feedbackId,
          channel: 'email',
          metadata: { inReplyTo: messageId, references: [messageId] },
        },
        { feedbackId: unrelated, channel: 'email', metadata: { inReplyTo: 'x@y', references: [] } },
        { feedbackId: unrelated, channel: 'api', metadata: { inReplyTo: messageId } },
      ],
      now,
    );
    expect(result).toEqual([{ caseId, feedbackId, reopened: false }]);
    expect(await findCaseOfFeedback(ctx().db, ws.id, feedbackId)).toBe(caseId);
    expect(await findCaseOfFeedback(ctx().db, ws.id, unrelated)).toBeNull();
    const events = await caseEvents(ctx(), ws.id, caseId);
    expect(events.at(-1)).toMatchObject({
      type: 'reply_received',
      actorId: null,
      data: { feedbackId, messageId },
    });
    // Idempotent: the same item again adds nothing.
    expect(
      await attachInboundReplies(ctx().db, ws.id, [
        { feedbackId, channel: 'email', metadata: { inReplyTo: messageId } },
      ]),
    ).toEqual([]);
    expect(await caseEvents(ctx(), ws.id, caseId)).toHaveLength(events.length);
  });

  it('reopens a closed case into follow-up, found through References alone', async () => {
    const { ws, caseId, contactId, messageId } = await repliedCase();
    await closeCase(ctx(), ws.id, caseId, new Date('2026-11-21T08:00:00Z'));
    const feedbackId = await answer(ws.id, contactId, {});
    const [result] = await attachInboundReplies(
      ctx().db,
      ws.id,
      [
        {
          feedbackId,
          channel: 'email',
          metadata: { inReplyTo: null, references: [messageId, `${randomUUID()}@customer`] },
        },
      ],
      now,
    );
    expect(result).toEqual({ caseId, feedbackId, reopened: true });
    const reopened = await findCase(ctx().db, ws.id, caseId);
    expect(reopened).toMatchObject({ stage: 'follow_up', outcome: null, closedAt: null });
    const types = (await caseEvents(ctx(), ws.id, caseId)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['feedback_added', 'reply_received', 'reopened']);
  });

  it('joins the contact’s other open case instead of opening a second one', async () => {
    const { ws, caseId, contactId, messageId } = await repliedCase();
    await closeCase(ctx(), ws.id, caseId, new Date('2026-11-21T08:00:00Z'));
    await answer(ws.id, contactId, {}); // an unrelated item for the newer case
    const newer = await createTestCase(ctx(), ws.id, { contactId });
    const feedbackId = await answer(ws.id, contactId, {});
    const [result] = await attachInboundReplies(ctx().db, ws.id, [
      { feedbackId, channel: 'email', metadata: { inReplyTo: messageId } },
    ]);
    expect(result).toEqual({ caseId: newer.caseId, feedbackId, reopened: false });
    expect((await findCase(ctx().db, ws.id, caseId))!.stage).toBe('closed');
    const [event] = (await caseEvents(ctx(), ws.id, newer.caseId)).filter(
      (e) => e.type === 'reply_received',
    );
    expect(event!.data).toMatchObject({ repliedCaseId: caseId, messageId });
  });
});

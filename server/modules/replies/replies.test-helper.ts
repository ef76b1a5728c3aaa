import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { attachFeedback } from '../cases/cases.repository.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';

/** An inbound email from the contact, stored as the SMTP path would, joined to the case. */
export async function addInboundEmail(
  ctx: AppContext,
  workspaceId: string,
  target: { caseId: string; contactId: string },
  email: { subject: string; text: string; references?: string[]; receivedAt?: Date },
) {
  const messageId = `${randomUUID()}@customer.example`;
  const [raw] = await receiveRawItems(ctx.db, workspaceId, 'email', [
    { dedupKey: `email:${messageId}`, payload: { test: true } },
  ]);
  await ctx.db.execute(
    sql`INSERT INTO email_messages (workspace_id, message_id, raw_item_id, thread_id, "references", from_address)
        VALUES (${workspaceId}, ${messageId}, ${raw!.id}, ${randomUUID()},
          ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(email.references ?? [])}::jsonb)),
          'peter@initech.test')`,
  );
  const [item] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO feedback (workspace_id, channel, contact_id, text, raw_item_id, metadata, received_at)
        VALUES (${workspaceId}, 'email', ${target.contactId}, ${email.text}, ${raw!.id},
          ${JSON.stringify({ subject: email.subject, messageId, from: { name: 'Peter Gibbons' } })}::jsonb,
          ${(email.receivedAt ?? new Date()).toISOString()}::timestamptz)
        RETURNING id`,
  );
  await attachFeedback(ctx.db, workspaceId, [
    { caseId: target.caseId, feedbackId: item!.id, merged: true },
  ]);
  return { messageId, feedbackId: item!.id };
}

export function caseEvents(ctx: AppContext, workspaceId: string, caseId: string) {
  return queryRows<{ type: string; data: Record<string, unknown>; actorId: string | null }>(
    ctx.db,
    sql`SELECT type, data, actor_id AS "actorId" FROM case_events
        WHERE workspace_id = ${workspaceId} AND case_id = ${caseId} ORDER BY id`,
  );
}

export function outboxOfCase(ctx: AppContext, workspaceId: string, caseId: string) {
  return queryRows<{
    id: string;
    purpose: string;
    subject: string;
    html: string;
    text: string;
    to: string;
    state: string;
    messageId: string;
    inReplyTo: string | null;
    replyTo: string | null;
    references: string[];
    contactId: string | null;
  }>(
    ctx.db,
    sql`SELECT id, purpose, subject, html, text, "to", state, message_id AS "messageId",
          in_reply_to AS "inReplyTo", reply_to AS "replyTo", "references", contact_id AS "contactId"
        FROM outbox_messages WHERE workspace_id = ${workspaceId} AND case_id = ${caseId}
        ORDER BY created_at, id`,
  );
}

export async function closeCase(
  ctx: AppContext,
  workspaceId: string,
  caseId: string,
  closedAt: Date,
  outcome = 'resolved',
) {
  await ctx.db.execute(
    sql`UPDATE cases SET stage = 'closed', closed_at = ${closedAt.toISOString()}::timestamptz,
          outcome = ${outcome} WHERE workspace_id = ${workspaceId} AND id = ${caseId}`,
  );
}

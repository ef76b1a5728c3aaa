import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import type { OutboxState } from '../../db/schema/index.ts';

/** Outgoing purposes shown as the case's replies (staff mail and survey invitations are not). */
const REPLY_PURPOSES = sql`('reply', 'follow_up', 'product_review')`;

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await queryRows<{ id: string; name: string | null; email: string | null }>(
    db,
    sql`SELECT id, name, email FROM contacts WHERE workspace_id = ${workspaceId} AND id = ${contactId}`,
  );
  return row;
}

export interface InboundEmail {
  feedbackId: string;
  messageId: string;
  references: string[];
  subject: string | null;
  text: string;
  fromName: string | null;
  receivedAt: string;
  /** The email listening post it arrived on. */
  postId: string | null;
}

/**
 * The feedback mailbox a reply should name as Reply-To, so the customer's answer comes back in:
 * the email post the customer wrote to, else the workspace's first email post. Its own address,
 * or null when it has none (the caller then uses the generated `<post id>@<domain>`).
 */
export async function replyMailbox(db: Db, workspaceId: string, preferredPostId: string | null) {
  const [row] = await queryRows<{ id: string; address: string | null }>(
    db,
    sql`SELECT id, config->'settings'->>'address' AS address FROM listening_posts
        WHERE workspace_id = ${workspaceId} AND kind = 'email' AND status <> 'paused'
        ORDER BY (id = ${preferredPostId}::uuid) IS TRUE DESC, created_at, id LIMIT 1`,
  );
  return row;
}

/** The customer's latest email in the case (through the raw item its feedback came from). */
export async function lastInboundEmail(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<InboundEmail>(
    db,
    sql`SELECT f.id AS "feedbackId", em.message_id AS "messageId", em."references",
          f.metadata->>'subject' AS subject, f.text, f.metadata->'from'->>'name' AS "fromName",
          em.received_at AS "receivedAt", em.post_id AS "postId"
        FROM case_feedback cf
        JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
        JOIN email_messages em ON em.workspace_id = f.workspace_id AND em.raw_item_id = f.raw_item_id
        WHERE cf.workspace_id = ${workspaceId} AND cf.case_id = ${caseId}
        ORDER BY em.received_at DESC, f.received_at DESC LIMIT 1`,
  );
  return row;
}

export interface FeedbackItem {
  id: string;
  channel: string;
  text: string;
  subject: string | null;
  scoreType: string | null;
  score: number | null;
  receivedAt: string;
}

const itemColumns = sql`f.id, f.channel, f.text, f.metadata->>'subject' AS subject,
  f.score_type AS "scoreType", f.score, f.received_at AS "receivedAt"`;

/** The case's own feedback, newest first: the customer's words the composer quotes. */
export function caseFeedback(db: Db, workspaceId: string, caseId: string, limit = 50) {
  return queryRows<FeedbackItem>(
    db,
    sql`SELECT ${itemColumns} FROM case_feedback cf
        JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
        WHERE cf.workspace_id = ${workspaceId} AND cf.case_id = ${caseId}
        ORDER BY f.received_at DESC, f.id LIMIT ${limit}`,
  );
}

/** The contact's other feedback (outside this case), newest first: their history. */
export function contactHistory(
  db: Db,
  workspaceId: string,
  contactId: string,
  caseId: string,
  limit = 20,
) {
  return queryRows<FeedbackItem>(
    db,
    sql`SELECT ${itemColumns} FROM feedback f
        WHERE f.workspace_id = ${workspaceId} AND f.contact_id = ${contactId}
          AND NOT EXISTS (SELECT 1 FROM case_feedback cf WHERE cf.workspace_id = f.workspace_id
            AND cf.feedback_id = f.id AND cf.case_id = ${caseId})
        ORDER BY f.received_at DESC, f.id LIMIT ${limit}`,
  );
}

export interface SentReply {
  id: string;
  caseId: string | null;
  purpose: string;
  subject: string;
  text: string;
  state: OutboxState;
  stateReason: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

const replyColumns = sql`id, case_id AS "caseId", purpose, subject, text, state,
  state_reason AS "stateReason", message_id AS "messageId", created_at AS "createdAt",
  sent_at AS "sentAt"`;

/** What was written to this contact about their feedback (any case), newest first. */
export function pastReplies(db: Db, workspaceId: string, contactId: string, limit = 20) {
  return queryRows<SentReply>(
    db,
    sql`SELECT ${replyColumns} FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId} AND purpose IN ${REPLY_PURPOSES}
        ORDER BY created_at DESC, id LIMIT ${limit}`,
  );
}

export async function findReplyByDedupKey(db: Db, workspaceId: string, dedupKey: string) {
  const [row] = await queryRows<SentReply>(
    db,
    sql`SELECT ${replyColumns} FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND dedup_key = ${dedupKey}`,
  );
  return row;
}

/** The contact each of these outgoing messages went to. */
export function contactsOfMessages(db: Db, workspaceId: string, outboxIds: string[]) {
  if (outboxIds.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; contactId: string | null }>(
    db,
    sql`SELECT id, contact_id AS "contactId" FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND id = ANY(${uuidArray(outboxIds)})`,
  );
}

export async function markFirstResponse(db: Db, workspaceId: string, caseId: string, at: Date) {
  await db.execute(
    sql`UPDATE cases SET first_response_at = coalesce(first_response_at, ${at.toISOString()}::timestamptz),
          updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId}`,
  );
}

/** Our messages (with their case) among these Message-IDs: what an inbound email answers. */
export function casesOfMessageIds(db: Db, workspaceId: string, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return queryRows<{ messageId: string; caseId: string }>(
    db,
    sql`SELECT message_id AS "messageId", case_id AS "caseId" FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND case_id IS NOT NULL
          AND message_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(messageIds)}::jsonb)))`,
  );
}

/** A reopened case is open again: it has no closing time and no outcome yet. */
export async function clearClosure(db: Db, workspaceId: string, caseId: string) {
  await db.execute(
    sql`UPDATE cases SET closed_at = NULL, outcome = NULL, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} AND stage <> 'closed'`,
  );
}

export interface TeamStockShare {
  teamId: string | null;
  replies: number;
  stock: number;
}

/** Replies sent from cases in [from, to), and how many were stock, per case team. */
export function stockReplyShare(db: Db, workspaceId: string, range: { from: Date; to: Date }) {
  return queryRows<TeamStockShare>(
    db,
    sql`SELECT c.team_id AS "teamId", count(*)::int AS replies,
          count(*) FILTER (WHERE coalesce((e.data->>'stock')::boolean, false))::int AS stock
        FROM case_events e
        JOIN cases c ON c.workspace_id = e.workspace_id AND c.id = e.case_id
        WHERE e.workspace_id = ${workspaceId} AND e.type = 'reply_sent'
          AND e.at >= ${range.from.toISOString()}::timestamptz AND e.at < ${range.to.toISOString()}::timestamptz
        GROUP BY c.team_id ORDER BY c.team_id NULLS LAST`,
  );
}

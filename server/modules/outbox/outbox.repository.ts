import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { MessagePurpose, OutboxState } from '../../db/schema/index.ts';

export const SEND_JOB = 'outbox.send';

export interface NewMessage {
  dedupKey: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Why it is sent; decides the consent it needs (see MESSAGE_PURPOSES). Default `survey`. */
  purpose?: MessagePurpose;
  /** The customer it goes to (consent, contact limits); omit for staff mail. */
  contactId?: string | null;
  caseId?: string | null;
  /** RFC 5322 Message-ID without angle brackets; generated when omitted. */
  messageId?: string;
  inReplyTo?: string | null;
  /** Where answers go (Reply-To), e.g. the workspace's feedback mailbox for a case reply. */
  replyTo?: string | null;
  references?: string[];
}

/** A message as written: its gate decision decides the state it starts in. */
export interface GatedMessage extends NewMessage {
  messageId: string;
  state: 'queued' | 'local' | 'held' | 'blocked';
  stateReason: string | null;
  holdUntil: string | null;
}

/**
 * Writes messages and, for those to be sent (`queued`), their send jobs, in ONE statement. A
 * message whose dedup key exists is skipped: writing the same message twice sends it once.
 */
export function insertMessages(
  db: Db,
  workspaceId: string,
  messages: GatedMessage[],
  maxAttempts: number,
) {
  if (messages.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; dedupKey: string; state: OutboxState; messageId: string }>(
    db,
    sql`WITH incoming AS (
          SELECT x->>'dedupKey' AS dedup_key, x->>'to' AS "to", x->>'subject' AS subject, x->>'html' AS html,
            x->>'text' AS text, coalesce(x->>'purpose', 'survey') AS purpose,
            (x->>'contactId')::uuid AS contact_id, (x->>'caseId')::uuid AS case_id,
            x->>'messageId' AS message_id, x->>'inReplyTo' AS in_reply_to, x->>'replyTo' AS reply_to,
            ARRAY(SELECT jsonb_array_elements_text(coalesce(x->'references', '[]'::jsonb))) AS "references",
            x->>'state' AS state, x->>'stateReason' AS state_reason,
            (x->>'holdUntil')::timestamptz AS hold_until, n
          FROM jsonb_array_elements(${JSON.stringify(messages)}::jsonb) WITH ORDINALITY AS t(x, n)),
        inserted AS (
          INSERT INTO outbox_messages (workspace_id, dedup_key, "to", subject, html, text, state,
            purpose, contact_id, case_id, message_id, in_reply_to, reply_to, "references", state_reason, hold_until)
          SELECT ${workspaceId}::uuid, dedup_key, "to", subject, html, text, state, purpose,
            contact_id, case_id, message_id, in_reply_to, reply_to, "references", state_reason, hold_until
          FROM incoming ORDER BY n
          ON CONFLICT (workspace_id, dedup_key) DO NOTHING
          RETURNING id, dedup_key, state, message_id),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${SEND_JOB}, jsonb_build_object('messageId', id), ${maxAttempts},
            'outbox:' || id::text
          FROM inserted WHERE state = 'queued'
          RETURNING id)
        SELECT id, dedup_key AS "dedupKey", state, message_id AS "messageId" FROM inserted`,
  );
}

export interface MessageRow {
  id: string;
  dedupKey: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  purpose: MessagePurpose;
  contactId: string | null;
  caseId: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  replyTo: string | null;
  references: string[];
  stateReason: string | null;
  holdUntil: string | null;
  sendingAt: string | null;
}

const columns = sql`id, dedup_key AS "dedupKey", "to", subject, html, text, state, attempts,
  last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt", purpose,
  contact_id AS "contactId", case_id AS "caseId", message_id AS "messageId",
  in_reply_to AS "inReplyTo", reply_to AS "replyTo", "references", state_reason AS "stateReason",
  hold_until AS "holdUntil", sending_at AS "sendingAt"`;

export async function findMessage(db: Db, workspaceId: string, id: string) {
  const [row] = await queryRows<MessageRow>(
    db,
    sql`SELECT ${columns} FROM outbox_messages WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
  return row;
}

export interface ListFilter {
  state?: OutboxState;
  purpose?: MessagePurpose;
  /** Matches the recipient address (case-insensitive substring). */
  to?: string;
}

export function listMessages(db: Db, workspaceId: string, limit: number, filter: ListFilter = {}) {
  return queryRows<MessageRow>(
    db,
    sql`SELECT ${columns} FROM outbox_messages WHERE workspace_id = ${workspaceId}
          ${filter.state ? sql`AND state = ${filter.state}` : sql``}
          ${filter.purpose ? sql`AND purpose = ${filter.purpose}` : sql``}
          ${filter.to ? sql`AND strpos(lower("to"), ${filter.to.toLowerCase()}) > 0` : sql``}
        ORDER BY created_at DESC, id LIMIT ${limit}`,
  );
}

/**
 * Claims a message for sending, in its own committed statement, BEFORE it goes to SMTP: `queued`
 * becomes `sending`. A `sending` row older than `staleMs` belonged to a worker that died between
 * handing it over and recording the result; it is claimed again and resent with the same
 * Message-ID. An address suppressed since the message was written is not claimed. Returns the
 * row when this caller may send it.
 */
export async function claimForSending(
  db: Db,
  workspaceId: string,
  id: string,
  now: Date,
  staleMs: number,
) {
  const [row] = await queryRows<MessageRow>(
    db,
    sql`UPDATE outbox_messages SET state = 'sending', sending_at = ${now.toISOString()}::timestamptz,
          attempts = attempts + 1
        WHERE workspace_id = ${workspaceId} AND id = ${id}
          AND (state = 'queued' OR (state = 'sending'
            AND sending_at < ${now.toISOString()}::timestamptz - make_interval(secs => ${staleMs / 1000})))
          AND (purpose = 'internal' OR NOT EXISTS (
            SELECT 1 FROM email_suppressions s
            WHERE s.workspace_id = ${workspaceId} AND s.address = lower(trim(outbox_messages."to"))
              AND NOT (outbox_messages.purpose = 'reply' AND s.reason = 'unsubscribe')))
        RETURNING ${columns}`,
  );
  return row;
}

export async function markSent(db: Db, workspaceId: string, id: string) {
  await db.execute(
    sql`UPDATE outbox_messages SET state = 'sent', sent_at = now(), last_error = NULL
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'sending'`,
  );
}

export async function markAttemptFailed(
  db: Db,
  workspaceId: string,
  id: string,
  error: string,
  final: boolean,
) {
  await db.execute(
    sql`UPDATE outbox_messages SET last_error = ${error.slice(0, 2000)},
          state = ${final ? 'failed' : 'queued'}, sending_at = NULL
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'sending'`,
  );
}

/** Blocks a queued message at send time (its address was suppressed after it was written). */
export async function blockQueued(db: Db, workspaceId: string, id: string, reason: string) {
  await db.execute(
    sql`UPDATE outbox_messages SET state = 'blocked', state_reason = ${reason}
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'queued'`,
  );
}

/**
 * Sends a failed message round again: the message is queued with fresh attempts and its send job
 * (kept, dead-lettered, or cleaned away) is queued again. Returns whether the message was failed.
 */
export async function requeueFailed(db: Db, workspaceId: string, id: string, maxAttempts: number) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH retried AS (
          UPDATE outbox_messages SET state = 'queued', attempts = 0, sending_at = NULL
          WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'failed'
          RETURNING id),
        job AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${SEND_JOB}, jsonb_build_object('messageId', id), ${maxAttempts},
            'outbox:' || id::text FROM retried
          ON CONFLICT (unique_key) DO UPDATE SET state = 'queued', attempts = 0, run_at = now(),
            locked_by = NULL, locked_until = NULL, finished_at = NULL
          RETURNING id)
        SELECT id FROM retried`,
  );
  return rows.length === 1;
}

export interface HeldRow {
  workspaceId: string;
  id: string;
  to: string;
  purpose: MessagePurpose;
  contactId: string | null;
}

/**
 * Held messages due for another look, oldest first: their hold time passed, or they wait for an
 * open case (no hold time) whose closing is only seen by looking.
 */
export function findDueHeld(db: Db, now: Date, limit: number) {
  return queryRows<HeldRow>(
    db,
    sql`SELECT workspace_id AS "workspaceId", id, "to", purpose, contact_id AS "contactId"
        FROM outbox_messages
        WHERE state = 'held' AND (hold_until IS NULL OR hold_until <= ${now.toISOString()}::timestamptz)
        ORDER BY created_at, id LIMIT ${limit}`,
  );
}

export interface Redecision {
  id: string;
  state: 'queued' | 'local' | 'held' | 'blocked';
  stateReason: string | null;
  holdUntil: string | null;
}

/** Applies new decisions to held messages (only while still held) and queues send jobs. */
export async function applyRedecisions(
  db: Db,
  workspaceId: string,
  decisions: Redecision[],
  maxAttempts: number,
) {
  if (decisions.length === 0) return [];
  return queryRows<{ id: string; state: OutboxState }>(
    db,
    sql`WITH incoming AS (
          SELECT (x->>'id')::uuid AS id, x->>'state' AS state, x->>'stateReason' AS state_reason,
            (x->>'holdUntil')::timestamptz AS hold_until
          FROM jsonb_array_elements(${JSON.stringify(decisions)}::jsonb) AS t(x)),
        updated AS (
          UPDATE outbox_messages m SET state = i.state, state_reason = i.state_reason,
            hold_until = i.hold_until
          FROM incoming i
          WHERE m.workspace_id = ${workspaceId} AND m.id = i.id AND m.state = 'held'
          RETURNING m.id, m.state),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${SEND_JOB}, jsonb_build_object('messageId', id), ${maxAttempts},
            'outbox:' || id::text
          FROM updated WHERE state = 'queued'
          ON CONFLICT (unique_key) DO NOTHING
          RETURNING id)
        SELECT id, state FROM updated`,
  );
}

/** Marks the message a delivery status notification reports on as bounced. */
export async function markBounced(
  db: Db,
  workspaceId: string | null,
  ref: { messageId?: string | null; outboxId?: string | null },
  diagnostic: string,
) {
  return queryRows<{ workspaceId: string; id: string; to: string; contactId: string | null }>(
    db,
    sql`UPDATE outbox_messages SET state = 'bounced', state_reason = ${diagnostic.slice(0, 2000)}
        WHERE state IN ('sent', 'sending', 'bounced')
          ${workspaceId ? sql`AND workspace_id = ${workspaceId}` : sql``}
          AND (${ref.messageId ?? null}::text IS NOT NULL AND message_id = ${ref.messageId ?? null}
            OR ${ref.outboxId ?? null}::uuid IS NOT NULL AND id = ${ref.outboxId ?? null}::uuid)
        RETURNING workspace_id AS "workspaceId", id, "to", contact_id AS "contactId"`,
  );
}

export async function findByMessageId(db: Db, workspaceId: string, messageId: string) {
  const [row] = await queryRows<MessageRow>(
    db,
    sql`SELECT ${columns} FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND message_id = ${messageId} LIMIT 1`,
  );
  return row;
}

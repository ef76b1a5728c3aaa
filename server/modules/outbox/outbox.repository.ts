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
  references?: string[];
}

/**
 * Writes messages and, when they are to be sent (`queued`), their send jobs, in ONE statement. A
 * message whose dedup key exists is skipped: writing the same message twice sends it once.
 */
export function insertMessages(
  db: Db,
  workspaceId: string,
  state: 'queued' | 'local',
  messages: NewMessage[],
  maxAttempts: number,
) {
  if (messages.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; dedupKey: string }>(
    db,
    sql`WITH incoming AS (
          SELECT x->>'dedupKey' AS dedup_key, x->>'to' AS "to", x->>'subject' AS subject, x->>'html' AS html,
            x->>'text' AS text, coalesce(x->>'purpose', 'survey') AS purpose,
            (x->>'contactId')::uuid AS contact_id, (x->>'caseId')::uuid AS case_id,
            x->>'messageId' AS message_id, x->>'inReplyTo' AS in_reply_to,
            ARRAY(SELECT jsonb_array_elements_text(coalesce(x->'references', '[]'::jsonb))) AS "references", n
          FROM jsonb_array_elements(${JSON.stringify(messages)}::jsonb) WITH ORDINALITY AS t(x, n)),
        inserted AS (
          INSERT INTO outbox_messages (workspace_id, dedup_key, "to", subject, html, text, state,
            purpose, contact_id, case_id, message_id, in_reply_to, "references")
          SELECT ${workspaceId}::uuid, dedup_key, "to", subject, html, text, ${state}, purpose,
            contact_id, case_id, message_id, in_reply_to, "references" FROM incoming ORDER BY n
          ON CONFLICT (workspace_id, dedup_key) DO NOTHING
          RETURNING id, dedup_key),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${SEND_JOB}, jsonb_build_object('messageId', id), ${maxAttempts},
            'outbox:' || id::text
          FROM inserted WHERE ${state} = 'queued'
          RETURNING id)
        SELECT id, dedup_key AS "dedupKey" FROM inserted`,
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
  references: string[];
}

const columns = sql`id, dedup_key AS "dedupKey", "to", subject, html, text, state, attempts,
  last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt", purpose,
  contact_id AS "contactId", case_id AS "caseId", message_id AS "messageId",
  in_reply_to AS "inReplyTo", "references"`;

export async function findMessage(db: Db, workspaceId: string, id: string) {
  const [row] = await queryRows<MessageRow>(
    db,
    sql`SELECT ${columns} FROM outbox_messages WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
  return row;
}

export function listMessages(db: Db, workspaceId: string, limit: number, state?: OutboxState) {
  return queryRows<MessageRow>(
    db,
    sql`SELECT ${columns} FROM outbox_messages WHERE workspace_id = ${workspaceId}
          ${state ? sql`AND state = ${state}` : sql``}
        ORDER BY created_at DESC, id LIMIT ${limit}`,
  );
}

export async function markSent(db: Db, workspaceId: string, id: string) {
  await db.execute(
    sql`UPDATE outbox_messages SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'queued'`,
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
    sql`UPDATE outbox_messages SET attempts = attempts + 1, last_error = ${error.slice(0, 2000)},
          state = ${final ? 'failed' : 'queued'}
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'queued'`,
  );
}

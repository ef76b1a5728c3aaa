import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { emailAttachments } from '../../db/schema/index.ts';

export interface Mailbox {
  workspaceId: string;
  postId: string;
  status: 'active' | 'paused' | 'error';
}

/**
 * The email post an address belongs to, in any workspace: its own address (settings.address) or
 * its generated `<post id>@<domain>`. Only the SMTP receiver calls this, acting for the operator.
 * When two posts claim the same address the oldest wins, so a newer workspace cannot take over
 * mail already routed to another.
 */
export async function findMailbox(
  db: Db,
  addresses: string[],
  postId: string | undefined,
): Promise<Mailbox | undefined> {
  const byAddress = sql`lower(config->'settings'->>'address') IN (${sql.join(
    addresses.map((address) => sql`${address}`),
    sql`, `,
  )})`;
  const [row] = await queryRows<Mailbox>(
    db,
    sql`SELECT workspace_id AS "workspaceId", id AS "postId", status FROM listening_posts
        WHERE kind = 'email' AND (${byAddress} ${postId ? sql`OR id = ${postId}::uuid` : sql``})
        ORDER BY (id::text = ${postId ?? ''}) DESC, created_at, id LIMIT 1`,
  );
  return row;
}

/** The thread of the first of these messages the workspace already has. */
export async function findThread(
  db: Db,
  workspaceId: string,
  messageIds: string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const [row] = await queryRows<{ threadId: string }>(
    db,
    sql`SELECT thread_id AS "threadId" FROM email_messages
        WHERE workspace_id = ${workspaceId} AND message_id IN (${sql.join(
          messageIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        ORDER BY received_at LIMIT 1`,
  );
  return row?.threadId;
}

/** A message already stored that names this one as its parent (a reply that arrived first). */
export async function findChildThread(db: Db, workspaceId: string, messageId: string) {
  const [row] = await queryRows<{ threadId: string }>(
    db,
    sql`SELECT thread_id AS "threadId" FROM email_messages
        WHERE workspace_id = ${workspaceId}
          AND (in_reply_to = ${messageId} OR ${messageId} = ANY("references"))
        ORDER BY received_at LIMIT 1`,
  );
  return row?.threadId;
}

/**
 * The thread of an inbound email that one of our outgoing messages (among `messageIds`) answered:
 * a customer's answer to a reply sent from a case names our Message-ID, not theirs.
 */
export async function findThreadThroughOutbox(
  db: Db,
  workspaceId: string,
  messageIds: string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const [row] = await queryRows<{ threadId: string }>(
    db,
    sql`SELECT em.thread_id AS "threadId" FROM outbox_messages o
        JOIN email_messages em ON em.workspace_id = o.workspace_id
          AND (em.message_id = o.in_reply_to OR em.message_id = ANY(o."references"))
        WHERE o.workspace_id = ${workspaceId} AND o.message_id IN (${sql.join(
          messageIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        ORDER BY em.received_at LIMIT 1`,
  );
  return row?.threadId;
}

export interface EmailMessageRow {
  messageId: string;
  rawItemId: number;
  postId: string;
  threadId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
}

export async function insertEmailMessage(db: Db, workspaceId: string, row: EmailMessageRow) {
  await db.execute(
    sql`INSERT INTO email_messages (workspace_id, message_id, raw_item_id, post_id, thread_id, in_reply_to,
          "references", from_address)
        VALUES (${workspaceId}, ${row.messageId}, ${row.rawItemId}, ${row.postId}, ${row.threadId},
          ${row.inReplyTo}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(row.references)}::jsonb)),
          ${row.fromAddress})
        ON CONFLICT (workspace_id, message_id) DO NOTHING`,
  );
}

export interface AttachmentRow {
  position: number;
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export async function insertAttachments(
  db: Db,
  workspaceId: string,
  rawItemId: number,
  attachments: AttachmentRow[],
) {
  // One row at a time: a batch of several 10 MB values would be one very large statement.
  for (const attachment of attachments) {
    await db
      .insert(emailAttachments)
      .values({ workspaceId, rawItemId, ...attachment })
      .onConflictDoNothing();
  }
}

export async function attachmentsOf(db: Db, workspaceId: string, rawItemId: number) {
  return db.query.emailAttachments.findMany({
    where: (table, { and, eq }) =>
      and(eq(table.workspaceId, workspaceId), eq(table.rawItemId, rawItemId)),
    orderBy: (table, { asc }) => [asc(table.position)],
  });
}

export interface ThreadMessage {
  messageId: string;
  rawItemId: number;
  feedbackId: string | null;
  contactId: string | null;
  receivedAt: string;
}

/** The messages of a thread in order, with the feedback and contact normalisation made of each. */
export function threadMessages(db: Db, workspaceId: string, threadId: string) {
  return queryRows<ThreadMessage>(
    db,
    sql`SELECT m.message_id AS "messageId", m.raw_item_id::int AS "rawItemId", f.id AS "feedbackId",
          f.contact_id AS "contactId", m.received_at AS "receivedAt"
        FROM email_messages m
        LEFT JOIN raw_items r ON r.workspace_id = m.workspace_id AND r.id = m.raw_item_id
        LEFT JOIN feedback f ON f.workspace_id = r.workspace_id AND f.id = r.feedback_id
        WHERE m.workspace_id = ${workspaceId} AND m.thread_id = ${threadId}
        ORDER BY m.received_at, m.message_id`,
  );
}

/** Removes the attachments and sender address of the emails a contact's feedback came from. */
export async function eraseEmailsOfContact(db: Db, workspaceId: string, contactId: string) {
  const ofContact = sql`SELECT raw_item_id FROM feedback
    WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId} AND raw_item_id IS NOT NULL`;
  await db.execute(
    sql`DELETE FROM email_attachments WHERE workspace_id = ${workspaceId} AND raw_item_id IN (${ofContact})`,
  );
  await db.execute(
    sql`UPDATE email_messages SET from_address = NULL
        WHERE workspace_id = ${workspaceId} AND raw_item_id IN (${ofContact})`,
  );
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { listeningPosts, rawItems } from './ingest.ts';
import { workspaceColumn } from './workspaces.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One row per inbound email a workspace stored, keyed by its Message-ID (or a hash of its source
 * when it had none). Replies find their thread here through In-Reply-To / References; the
 * feedback and contact are reached through the raw item, so merges and erasure stay consistent.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    workspaceId: workspaceColumn(),
    messageId: text('message_id').notNull(),
    rawItemId: bigint('raw_item_id', { mode: 'number' }).notNull(),
    postId: uuid('post_id'),
    threadId: uuid('thread_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fromAddress: text('from_address'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.messageId] }),
    index('email_messages_thread_idx').on(table.workspaceId, table.threadId),
    index('email_messages_raw_item_idx').on(table.workspaceId, table.rawItemId),
    foreignKey({
      columns: [table.workspaceId, table.rawItemId],
      foreignColumns: [rawItems.workspaceId, rawItems.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }),
  ],
);

/**
 * Attachment bytes of an inbound email, kept beside its raw item (up to the per-attachment limit;
 * larger ones are listed in the raw item as skipped, with their name and size, and not stored).
 */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    workspaceId: workspaceColumn(),
    rawItemId: bigint('raw_item_id', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
    filename: text('filename'),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.rawItemId, table.position] }),
    foreignKey({
      columns: [table.workspaceId, table.rawItemId],
      foreignColumns: [rawItems.workspaceId, rawItems.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Where IMAP polling of a post's mailbox has got to: the mailbox's UIDVALIDITY and the highest UID
 * taken, so no message is fetched twice; failures count up for back-off.
 */
export const emailImapState = pgTable(
  'email_imap_state',
  {
    workspaceId: workspaceColumn(),
    postId: uuid('post_id').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
    failures: integer('failures').notNull().default(0),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.postId] }),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }).onDelete('cascade'),
  ],
);

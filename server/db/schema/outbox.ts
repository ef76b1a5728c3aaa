import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  index,
  integer,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { workspaceColumn } from './workspaces.ts';

/** `local`: kept on this machine because no SMTP server is configured; nothing was sent. */
export const OUTBOX_STATES = ['queued', 'sent', 'failed', 'local'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Email Hearken sends (survey invitations for now). Written first, sent by a job, so a message is
 * never lost between "decided to send" and "sent"; `dedup_key` makes writing it twice a no-op.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    dedupKey: text('dedup_key').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    state: text('state', { enum: OUTBOX_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('outbox_messages_dedup_key').on(table.workspaceId, table.dedupKey),
    index('outbox_messages_created_idx').on(table.workspaceId, table.createdAt),
    index('outbox_messages_queued_idx')
      .on(table.workspaceId)
      .where(sql`state = 'queued'`),
  ],
);

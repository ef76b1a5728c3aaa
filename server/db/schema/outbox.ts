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

/**
 * `local`: kept on this machine because no SMTP server is configured; nothing was sent.
 * `sending`: handed to the SMTP server and not yet confirmed (see docs/email.md on exactly once).
 * `held`: waiting for a contact limit or an open case; released by a job when allowed.
 * `blocked`: not sent because the contact has not consented or the address is suppressed.
 * `bounced`: sent, then reported undeliverable by a delivery status notification.
 */
export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'local',
  'held',
  'blocked',
  'bounced',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/**
 * Why a message is sent, which decides the consent it needs: `reply` answers the contact's own
 * feedback (no consent needed), `internal` goes to staff (never to customers).
 */
export const MESSAGE_PURPOSES = [
  'reply',
  'follow_up',
  'survey',
  'announcement',
  'product_review',
  'internal',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

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
    purpose: text('purpose', { enum: MESSAGE_PURPOSES }).notNull().default('survey'),
    /** The customer it goes to, for consent and contact limits; null for staff mail. */
    contactId: uuid('contact_id'),
    caseId: uuid('case_id'),
    /** RFC 5322 Message-ID (without angle brackets), fixed when written so every resend reuses it. */
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    /** Where the customer's answer should go: the workspace's feedback mailbox, so it comes back. */
    replyTo: text('reply_to'),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Why it is held or blocked, or what the bounce said. */
    stateReason: text('state_reason'),
    /** A held message is looked at again from this time. */
    holdUntil: timestamp('hold_until', { withTimezone: true }),
    /** When a worker handed it to SMTP; a stale `sending` row is one whose worker died. */
    sendingAt: timestamp('sending_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('outbox_messages_dedup_key').on(table.workspaceId, table.dedupKey),
    index('outbox_messages_created_idx').on(table.workspaceId, table.createdAt),
    index('outbox_messages_contact_idx').on(table.workspaceId, table.contactId, table.createdAt),
    index('outbox_messages_case_idx').on(table.workspaceId, table.caseId),
    index('outbox_messages_message_id_idx').on(table.workspaceId, table.messageId),
    index('outbox_messages_queued_idx')
      .on(table.workspaceId)
      .where(sql`state = 'queued'`),
  ],
);

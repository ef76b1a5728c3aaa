import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './feedback.ts';
import { users } from './identity.ts';
import { workspaceColumn } from './workspaces.ts';

/**
 * What a contact agreed to be contacted about. Replies to a contact's own feedback need none;
 * every other outgoing path asks `consent` before it writes to the outbox.
 */
export const CONSENT_PURPOSES = [
  'follow_up',
  'surveys',
  'announcements',
  'product_reviews',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_CHANNELS = ['email'] as const;
export const CONSENT_SOURCES = ['survey', 'case', 'link', 'staff', 'import', 'api'] as const;

/**
 * History of consent: one row per decision, never updated, so "when, for what, through which
 * channel and how" stays answerable. The newest row per (contact, purpose, channel) is in force.
 */
export const contactConsents = pgTable(
  'contact_consents',
  {
    workspaceId: workspaceColumn(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    contactId: uuid('contact_id').notNull(),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    channel: text('channel', { enum: CONSENT_CHANNELS }).notNull().default('email'),
    granted: boolean('granted').notNull(),
    source: text('source', { enum: CONSENT_SOURCES }).notNull(),
    /** What recorded it: a survey response id, a case id, an outbox message id. */
    sourceRef: text('source_ref'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('contact_consents_contact_idx').on(
      table.workspaceId,
      table.contactId,
      table.purpose,
      table.recordedAt,
    ),
    foreignKey({
      columns: [table.workspaceId, table.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
  ],
);

export const SUPPRESSION_REASONS = ['bounce', 'complaint', 'unsubscribe'] as const;

/** Addresses no mail goes to (hard bounces, complaints, one-click unsubscribes). */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    workspaceId: workspaceColumn(),
    /** Lower-cased. */
    address: text('address').notNull(),
    reason: text('reason', { enum: SUPPRESSION_REASONS }).notNull(),
    detail: text('detail'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.address] })],
);

/**
 * Contact limits across every outgoing path together: at most `max_messages` in `window_hours`
 * and at least `min_gap_hours` between two. `segment` chooses the contacts it applies to (e.g.
 * `{ "accountTier": "strategic" }` or `{ "level": "executive" }`; `{}` is everyone); the first
 * matching policy by `position` applies.
 */
export const contactLimitPolicies = pgTable(
  'contact_limit_policies',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    segment: jsonb('segment')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    maxMessages: integer('max_messages').notNull(),
    windowHours: integer('window_hours').notNull(),
    minGapHours: integer('min_gap_hours').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  index,
  smallint,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/**
 * The customer side of the model, as far as the foundation needs it: touchpoints, accounts,
 * contacts and normalised feedback. Listening posts and raw items arrive with their own issue.
 */
export const CHANNELS = [
  'survey',
  'widget',
  'email',
  'call',
  'forum',
  'social',
  'import',
  'api',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const SCORE_TYPES = ['nps', 'csat', 'ces'] as const;
export const ACCOUNT_TIERS = ['strategic', 'standard', 'small'] as const;
export const CONTACT_LEVELS = ['executive', 'manager', 'frontline'] as const;

export const touchpoints = pgTable(
  'touchpoints',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const accounts = pgTable(
  'accounts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    domain: text('domain'),
    tier: text('tier', { enum: ACCOUNT_TIERS }).notNull().default('standard'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const contacts = pgTable(
  'contacts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id'),
    name: text('name'),
    email: text('email'),
    level: text('level', { enum: CONTACT_LEVELS }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    index('contacts_email_idx').on(table.workspaceId, table.email),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    touchpointId: uuid('touchpoint_id'),
    contactId: uuid('contact_id'),
    accountId: uuid('account_id'),
    scoreType: text('score_type', { enum: SCORE_TYPES }),
    score: smallint('score'),
    text: text('text').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.touchpointId],
      foreignColumns: [touchpoints.workspaceId, touchpoints.id],
    }),
    foreignKey({
      columns: [table.workspaceId, table.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
    foreignKey({
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    index('feedback_received_idx').on(table.workspaceId, table.receivedAt),
  ],
);

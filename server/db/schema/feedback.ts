import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  index,
  smallint,
  foreignKey,
  uniqueIndex,
  bigint,
  jsonb,
  integer,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { workspaceColumn } from './workspaces.ts';

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
  'feed',
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
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The staff directory team that owns loops from this touchpoint (`staff_teams`). */
    teamId: uuid('team_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const accounts = pgTable(
  'accounts',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    domain: text('domain'),
    /** The customer's id for this account in their CRM or billing system. */
    externalId: text('external_id'),
    tier: text('tier', { enum: ACCOUNT_TIERS }).notNull().default('standard'),
    /** The Hearken user who owns the relationship; case rules can assign to them. */
    ownerId: uuid('owner_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('accounts_external_id_key').on(table.workspaceId, table.externalId),
    index('accounts_domain_idx').on(table.workspaceId, sql`lower(${table.domain})`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id'),
    name: text('name'),
    email: text('email'),
    externalId: text('external_id'),
    phone: text('phone'),
    /** A social or forum handle such as `@sam@mastodon.social` or `reddit:u/sam`. */
    socialHandle: text('social_handle'),
    level: text('level', { enum: CONTACT_LEVELS }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    // One contact per address, so concurrent normalisation cannot create the same person twice.
    uniqueIndex('contacts_email_key').on(table.workspaceId, sql`lower(${table.email})`),
    uniqueIndex('contacts_external_id_key').on(table.workspaceId, table.externalId),
    index('contacts_phone_idx').on(table.workspaceId, table.phone),
    index('contacts_handle_idx').on(table.workspaceId, table.socialHandle),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    touchpointId: uuid('touchpoint_id'),
    contactId: uuid('contact_id'),
    accountId: uuid('account_id'),
    scoreType: text('score_type', { enum: SCORE_TYPES }),
    score: smallint('score'),
    text: text('text').notNull().default(''),
    /**
     * What the channel knows beyond the common fields: a mention's source URL and author handle,
     * an email's subject and Message-ID, a survey's other answers. Shown in the inbox as is.
     */
    metadata: jsonb('metadata')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The raw item this was normalised from; unique, so normalising twice adds nothing. */
    rawItemId: bigint('raw_item_id', { mode: 'number' }),
    /**
     * Items revised over time share one feedback row: a survey response answered page by page
     * keeps the first raw item above and is updated by later ones, newest `group_revision` wins.
     */
    groupKey: text('group_key'),
    groupRevision: integer('group_revision'),
    postId: uuid('post_id'),
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
    uniqueIndex('feedback_raw_item_key').on(table.workspaceId, table.rawItemId),
    uniqueIndex('feedback_group_key')
      .on(table.workspaceId, table.groupKey)
      .where(sql`group_key IS NOT NULL`),
    index('feedback_text_trgm_idx').using('gin', sql`${table.text} gin_trgm_ops`),
  ],
);

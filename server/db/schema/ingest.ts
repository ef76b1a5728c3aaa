import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  index,
  jsonb,
  bigserial,
  integer,
  uniqueIndex,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { CHANNELS, touchpoints } from './feedback.ts';
import { workspaceColumn } from './workspaces.ts';

export const POST_KINDS = [
  'api',
  'survey',
  'widget',
  'email',
  'call',
  'feed',
  'social',
  'forum',
  'import',
] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_STATUSES = ['active', 'paused', 'error'] as const;
export const RAW_ITEM_STATES = ['received', 'processed', 'dead'] as const;
export type RawItemState = (typeof RAW_ITEM_STATES)[number];

/** A configured channel attached to a moment of the customer journey. */
export const listeningPosts = pgTable(
  'listening_posts',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    touchpointId: uuid('touchpoint_id'),
    kind: text('kind', { enum: POST_KINDS }).notNull(),
    name: text('name').notNull(),
    config: jsonb('config')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: POST_STATUSES }).notNull().default('active'),
    lastError: text('last_error'),
    lastReceivedAt: timestamp('last_received_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.touchpointId],
      foreignColumns: [touchpoints.workspaceId, touchpoints.id],
    }),
  ],
);

/**
 * Exactly what a listening post received, stored before anything else happens to it. The
 * deduplication key makes re-delivery a no-op; `state` says whether normalisation has run,
 * and `dead` items keep their last error until someone retries them.
 */
export const rawItems = pgTable(
  'raw_items',
  {
    workspaceId: workspaceColumn(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    postId: uuid('post_id'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    dedupKey: text('dedup_key').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    state: text('state', { enum: RAW_ITEM_STATES }).notNull().default('received'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    feedbackId: uuid('feedback_id'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('raw_items_dedup_key').on(table.workspaceId, table.dedupKey),
    index('raw_items_state_idx')
      .on(table.workspaceId, table.state)
      .where(sql`state <> 'processed'`),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }),
  ],
);

import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  integer,
  index,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { listeningPosts } from './ingest.ts';
import { workspaceColumn } from './workspaces.ts';

/**
 * The polling state of one source (a feed URL, a Mastodon hashtag, a Reddit or Hacker News
 * search) of a `feed` or `social` listening post. The source itself is defined in the post's
 * settings; `source_key` is a hash of that definition, so editing a source starts a fresh state.
 * Validators (ETag, Last-Modified) and the cursor let the next poll ask only for what is new;
 * failures push `next_poll_at` back exponentially.
 */
export const connectorSources = pgTable(
  'connector_sources',
  {
    workspaceId: workspaceColumn(),
    postId: uuid('post_id').notNull(),
    sourceKey: text('source_key').notNull(),
    /** `feed`, `mastodon-hashtag`, `mastodon-search`, `reddit` or `hackernews`. */
    type: text('type').notNull(),
    label: text('label').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** Where the last successful poll stopped (newest id or time seen), for APIs that take one. */
    cursor: text('cursor'),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
    itemsStored: integer('items_stored').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.postId, table.sourceKey] }),
    index('connector_sources_due_idx').on(table.workspaceId, table.nextPollAt),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }).onDelete('cascade'),
  ],
);

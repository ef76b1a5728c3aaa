import {
  bigint,
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
import { listeningPosts } from './ingest.ts';
import { workspaceColumn } from './workspaces.ts';

export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * One uploaded file being imported into a listening post, run by the `imports.run` job.
 * `checkpoint_row` is the last data row whose outcome is committed (stored, or counted as bad or
 * skipped) together with the counters: a retried job resumes after it.
 */
export const imports = pgTable(
  'imports',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    postId: uuid('post_id').notNull(),
    fileName: text('file_name').notNull(),
    /** Where the upload is kept until the import ends. */
    filePath: text('file_path'),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: IMPORT_STATES }).notNull().default('queued'),
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsStored: integer('rows_stored').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The first errors, with their line numbers. */
    errors: jsonb('errors').$type<Array<{ line: number; message: string }>>().notNull(),
    /** The mapping used (detected, or given), once the file is opened. */
    mapping: jsonb('mapping').$type<Record<string, string> | null>(),
    vendor: text('vendor'),
    encoding: text('encoding'),
    failure: text('failure'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }).onDelete('cascade'),
    index('imports_by_file').on(table.workspaceId, table.postId, table.sha256),
    index('imports_by_time').on(table.workspaceId, table.createdAt),
  ],
);

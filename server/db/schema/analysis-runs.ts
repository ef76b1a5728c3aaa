import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { workspaceColumn } from './workspaces.ts';

export const REANALYSIS_SCOPES = ['all', 'outdated'] as const;
export type ReanalysisScope = (typeof REANALYSIS_SCOPES)[number];
export const REANALYSIS_STATES = ['running', 'done', 'cancelled'] as const;
export type ReanalysisState = (typeof REANALYSIS_STATES)[number];

/**
 * A re-analysis of a workspace's feedback, walked in feedback-id order a chunk at a time. The
 * cursor is the last id done, so a run that stops (a crash, a deploy) resumes where it was.
 */
export const analysisRuns = pgTable(
  'analysis_runs',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    scope: text('scope', { enum: REANALYSIS_SCOPES }).notNull(),
    state: text('state', { enum: REANALYSIS_STATES }).notNull().default('running'),
    /** Items to analyse when the run started (new feedback is analysed on arrival anyway). */
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cursor: uuid('cursor'),
    lastError: text('last_error'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('analysis_runs_created_idx').on(table.workspaceId, table.createdAt),
    // One running re-analysis per workspace: a second request joins the first.
    uniqueIndex('analysis_runs_running_key')
      .on(table.workspaceId)
      .where(sql`state = 'running'`),
  ],
);

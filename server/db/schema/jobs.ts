import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  timestamp,
  uuid,
  bigserial,
  integer,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * The durable job queue. A global table: system jobs (session clean-up) have no workspace,
 * and workers claim across workspaces. `workspace_id` is kept on every tenant job so the
 * dead-letter view can be scoped.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id'),
    name: text('name').notNull(),
    payload: jsonb('payload')
      .$type<unknown>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** Enqueueing twice with the same key adds one job: retries of an enqueue are harmless. */
    uniqueKey: text('unique_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    // (run_at, id) matches the claim's ORDER BY, so a claim reads only the rows it takes.
    index('jobs_claim_idx')
      .on(table.runAt, table.id)
      .where(sql`state = 'queued'`),
    index('jobs_lease_idx')
      .on(table.lockedUntil)
      .where(sql`state = 'running'`),
    // With the name, it also finds the queued jobs of one kind that a claimed job may absorb.
    index('jobs_workspace_state_idx').on(table.workspaceId, table.state, table.name),
    uniqueIndex('jobs_unique_key').on(table.uniqueKey),
  ],
);

/** Cron-like schedules; any scheduler process may fire one, exactly once per slot. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  jobName: text('job_name').notNull(),
  payload: jsonb('payload')
    .$type<unknown>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});

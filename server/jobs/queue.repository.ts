import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import type { JobState } from '../db/schema/index.ts';

export interface NewJob {
  name: string;
  payload?: unknown;
  workspaceId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  uniqueKey?: string;
}

export interface ClaimedJob {
  id: number;
  workspaceId: string | null;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface JobRow extends ClaimedJob {
  state: JobState;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const jobColumns = sql`id::int AS "id", workspace_id AS "workspaceId", name, payload, attempts,
  max_attempts AS "maxAttempts"`;

/** Inserts jobs in one statement; a job whose unique key already exists is skipped. */
export async function insertJobs(db: Db, jobs: NewJob[]): Promise<number[]> {
  if (jobs.length === 0) return [];
  const values = jobs.map(
    (
      job,
    ) => sql`(${job.workspaceId ?? null}::uuid, ${job.name}, ${JSON.stringify(job.payload ?? {})}::jsonb,
      ${job.maxAttempts ?? 5}, ${(job.runAt ?? new Date()).toISOString()}::timestamptz, ${job.uniqueKey ?? null})`,
  );
  const rows = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO jobs (workspace_id, name, payload, max_attempts, run_at, unique_key)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (unique_key) DO NOTHING
        RETURNING id::int AS id`,
  );
  return rows.map((row) => row.id);
}

/**
 * Claims up to `limit` due jobs for one worker, oldest first. The subquery walks the partial index
 * on (run_at, id) and stops after `limit` rows, so a claim costs the same with 10 or 100,000 jobs
 * waiting. SKIP LOCKED lets many workers claim at once without waiting on one another or taking
 * the same job.
 */
export function claimJobs(db: Db, workerId: string, limit: number, leaseMs: number) {
  return queryRows<ClaimedJob>(
    db,
    sql`UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
          locked_until = now() + make_interval(secs => ${leaseMs / 1000})
        WHERE id IN (
          SELECT id FROM jobs
          WHERE state = 'queued' AND run_at <= now()
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING ${jobColumns}`,
  );
}

/**
 * Puts back in the queue every running job whose lease ran out: its worker died (crash, SIGKILL,
 * lost machine) without finishing or renewing it. The attempt it used stays counted, so a job that
 * keeps killing its worker is dead-lettered after `max_attempts`.
 */
export async function requeueExpiredJobs(db: Db): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE jobs SET state = 'queued', locked_by = NULL, locked_until = NULL,
          last_error = coalesce(last_error, 'the worker running it stopped answering')
        WHERE id IN (
          SELECT id FROM jobs WHERE state = 'running' AND locked_until < now()
          FOR UPDATE SKIP LOCKED)
        RETURNING id::int AS id`,
  );
  return rows.length;
}

/** Jobs one merge takes in at most: each is a row to lock and delete. */
const MAX_ABSORBED = 250;

/**
 * Merges other queued jobs of a running job's kind and workspace into it (see
 * `JobDefinition.coalesce`): their lists are appended to the job's list under `field`, up to
 * `max` entries in all, and they are deleted, in one statement, so every entry is in exactly one
 * job whatever happens next. Only jobs never tried, due now and without a unique key are taken:
 * a retried job keeps its own attempt count, and a unique key keeps guarding its enqueue.
 * Returns the job's payload, merged or not; undefined if this worker no longer holds the job.
 */
export async function absorbQueuedJobs(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  coalesce: { field: string; max: number },
): Promise<unknown> {
  const { [coalesce.field]: own, ...rest } = (job.payload ?? {}) as Record<string, unknown>;
  const room = coalesce.max - (Array.isArray(own) ? own.length : coalesce.max);
  if (room <= 0 || job.workspaceId === null) return job.payload;
  // Jobs that differ in anything but the list are different work: they are not merged.
  const sameRest = JSON.stringify(rest);
  const path = `{${coalesce.field}}`;
  const rows = await queryRows<{ payload: unknown }>(
    db,
    // The job's row is locked first, so the update below cannot miss it after the delete ran:
    // a data-modifying CTE runs whatever the outer statement's WHERE finds.
    sql`WITH held AS (
          SELECT id FROM jobs WHERE id = ${job.id} AND locked_by = ${workerId} AND state = 'running'
          FOR UPDATE),
        candidates AS (
          SELECT id, jsonb_array_length(payload -> ${coalesce.field}) AS entries FROM jobs
          WHERE workspace_id = ${job.workspaceId} AND state = 'queued' AND name = ${job.name}
            AND attempts = 0 AND unique_key IS NULL AND run_at <= now()
            AND jsonb_typeof(payload -> ${coalesce.field}) = 'array'
            AND payload - ${coalesce.field}::text = ${sameRest}::jsonb AND EXISTS (SELECT 1 FROM held)
          LIMIT ${Math.min(room, MAX_ABSORBED)} FOR UPDATE SKIP LOCKED),
        chosen AS (
          SELECT id FROM (SELECT id, sum(entries) OVER (ORDER BY id) AS running FROM candidates) c
          WHERE running <= ${room}),
        absorbed AS (
          DELETE FROM jobs WHERE id IN (SELECT id FROM chosen) RETURNING id, payload)
        UPDATE jobs SET payload = jsonb_set(payload, ${path}::text[], (payload -> ${coalesce.field}) ||
          coalesce((SELECT jsonb_agg(entry ORDER BY a.id, e.position)
                    FROM absorbed a,
                      jsonb_array_elements(a.payload -> ${coalesce.field}) WITH ORDINALITY AS e(entry, position)),
                   '[]'::jsonb))
        WHERE id IN (SELECT id FROM held)
        RETURNING payload`,
  );
  return rows[0]?.payload;
}

/** Marks a job done, only if this worker still holds it. Returns whether it did. */
export async function completeJob(db: Db, id: number, workerId: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE jobs SET state = 'done', finished_at = now(), locked_by = NULL, locked_until = NULL,
          last_error = NULL
        WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'
        RETURNING id::int AS id`,
  );
  return rows.length === 1;
}

/** Records a failure: queued again after `retryInMs`, or dead-lettered when out of attempts. */
export async function failJob(
  db: Db,
  id: number,
  workerId: string,
  error: string,
  retryInMs: number | null,
): Promise<void> {
  const nextState = retryInMs === null ? 'dead' : 'queued';
  await db.execute(
    sql`UPDATE jobs SET state = ${nextState}, last_error = ${error.slice(0, 4000)},
          locked_by = NULL, locked_until = NULL,
          run_at = now() + make_interval(secs => ${(retryInMs ?? 0) / 1000}),
          finished_at = CASE WHEN ${nextState} = 'dead' THEN now() ELSE NULL END
        WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'`,
  );
}

/**
 * Replaces a running job's payload, for a handler that finished part of its work: a retry (or a
 * retry from the dead-letter view) then redoes only what is left.
 */
export async function narrowJobPayload(
  db: Db,
  id: number,
  workspaceId: string,
  payload: unknown,
): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET payload = ${JSON.stringify(payload)}::jsonb
        WHERE id = ${id} AND workspace_id = ${workspaceId} AND state = 'running'`,
  );
}

/** Hands unfinished jobs back to the queue at shutdown; the interrupted run is not counted. */
export async function releaseJobs(db: Db, ids: number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL,
          locked_until = NULL, run_at = now()
        WHERE id IN (${sql.join(ids, sql`, `)}) AND locked_by = ${workerId} AND state = 'running'`,
  );
}

export async function extendLeases(db: Db, ids: number[], workerId: string, leaseMs: number) {
  if (ids.length === 0) return;
  await db.execute(
    sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseMs / 1000})
        WHERE id IN (${sql.join(ids, sql`, `)}) AND locked_by = ${workerId} AND state = 'running'`,
  );
}

const rowColumns = sql`${jobColumns}, state, run_at AS "runAt", last_error AS "lastError",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

type RawJobRow = Omit<JobRow, 'runAt' | 'createdAt' | 'finishedAt'> & {
  runAt: string | Date;
  createdAt: string | Date;
  finishedAt: string | Date | null;
};

/** Raw SQL through Drizzle returns timestamps as text on both drivers; callers get Dates. */
function toJobRow(row: RawJobRow): JobRow {
  return {
    ...row,
    runAt: new Date(row.runAt),
    createdAt: new Date(row.createdAt),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt),
  };
}

export async function listWorkspaceJobs(
  db: Db,
  workspaceId: string,
  state: JobState | undefined,
  limit: number,
) {
  const rows = await queryRows<RawJobRow>(
    db,
    sql`SELECT ${rowColumns} FROM jobs
        WHERE workspace_id = ${workspaceId} ${state ? sql`AND state = ${state}` : sql``}
        ORDER BY id DESC LIMIT ${limit}`,
  );
  return rows.map(toJobRow);
}

export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  const rows = await queryRows<RawJobRow>(db, sql`SELECT ${rowColumns} FROM jobs WHERE id = ${id}`);
  return rows[0] && toJobRow(rows[0]);
}

/** Puts a dead-lettered job of this workspace back in the queue with a fresh set of attempts. */
export async function retryDeadJob(db: Db, workspaceId: string, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL
        WHERE id = ${id} AND workspace_id = ${workspaceId} AND state = 'dead'
        RETURNING id::int AS id`,
  );
  return rows.length === 1;
}

export async function countJobsByState(db: Db, workspaceId: string) {
  const rows = await queryRows<{ state: JobState; count: number }>(
    db,
    sql`SELECT state, count(*)::int AS count FROM jobs WHERE workspace_id = ${workspaceId} GROUP BY state`,
  );
  return Object.fromEntries(rows.map((row) => [row.state, row.count])) as Partial<
    Record<JobState, number>
  >;
}

/** Removes finished jobs older than the retention; dead jobs stay until someone looks at them. */
export async function deleteFinishedJobs(db: Db, olderThanHours: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`DELETE FROM jobs WHERE state = 'done'
          AND finished_at < now() - make_interval(hours => ${olderThanHours})
        RETURNING id::int AS id`,
  );
  return rows.length;
}

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

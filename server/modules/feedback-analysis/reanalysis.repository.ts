import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { analysisRuns, type ReanalysisScope } from '../../db/schema/index.ts';

const runColumns = {
  id: analysisRuns.id,
  scope: analysisRuns.scope,
  state: analysisRuns.state,
  total: analysisRuns.total,
  done: analysisRuns.done,
  failed: analysisRuns.failed,
  cursor: analysisRuns.cursor,
  lastError: analysisRuns.lastError,
  createdAt: analysisRuns.createdAt,
  updatedAt: analysisRuns.updatedAt,
  finishedAt: analysisRuns.finishedAt,
};
export type RunRow = Omit<typeof analysisRuns.$inferSelect, 'workspaceId' | 'requestedBy'>;

/** Feedback a run covers: everything, or only what has no analysis of the current version. */
function scopeCondition(scope: ReanalysisScope, version: number) {
  return scope === 'all'
    ? sql`TRUE`
    : sql`NOT EXISTS (SELECT 1 FROM feedback_analysis a WHERE a.workspace_id = f.workspace_id
            AND a.feedback_id = f.id AND a.version >= ${version})`;
}

export async function countInScope(
  db: Db,
  workspaceId: string,
  scope: ReanalysisScope,
  version: number,
): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM feedback f
        WHERE f.workspace_id = ${workspaceId} AND ${scopeCondition(scope, version)}`,
  );
  return row?.count ?? 0;
}

/** The next chunk of a run, in id order after the cursor. */
export async function nextIds(
  db: Db,
  workspaceId: string,
  scope: ReanalysisScope,
  version: number,
  cursor: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT f.id FROM feedback f
        WHERE f.workspace_id = ${workspaceId} ${cursor ? sql`AND f.id > ${cursor}::uuid` : sql``}
          AND ${scopeCondition(scope, version)}
        ORDER BY f.id LIMIT ${limit}`,
  );
  return rows.map((row) => row.id);
}

/** A new running run, or undefined when one is running already (one per workspace). */
export async function insertRun(
  db: Db,
  workspaceId: string,
  input: { scope: ReanalysisScope; total: number; requestedBy: string | null },
) {
  const [row] = await db
    .insert(analysisRuns)
    .values({ workspaceId, ...input })
    .onConflictDoNothing()
    .returning(runColumns);
  return row;
}

export async function findRun(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select(runColumns)
    .from(analysisRuns)
    .where(and(eq(analysisRuns.workspaceId, workspaceId), eq(analysisRuns.id, id)));
  return row;
}

export async function findRunningRun(db: Db, workspaceId: string) {
  const [row] = await db
    .select(runColumns)
    .from(analysisRuns)
    .where(and(eq(analysisRuns.workspaceId, workspaceId), eq(analysisRuns.state, 'running')));
  return row;
}

export function listRuns(db: Db, workspaceId: string, limit: number) {
  return db
    .select(runColumns)
    .from(analysisRuns)
    .where(eq(analysisRuns.workspaceId, workspaceId))
    .orderBy(desc(analysisRuns.createdAt))
    .limit(limit);
}

/**
 * Moves a run's cursor past a chunk, only if nobody else moved it meanwhile (a CLI and a worker
 * may both drive one run): the loser's chunk was analysed twice, which is harmless, and counted
 * once. Returns whether this caller's step counted.
 */
export async function advanceRun(
  db: Db,
  workspaceId: string,
  id: string,
  step: { from: string | null; to: string; done: number; failed: number; lastError: string | null },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE analysis_runs SET cursor = ${step.to}::uuid, done = done + ${step.done},
          failed = failed + ${step.failed}, last_error = coalesce(${step.lastError}, last_error),
          total = greatest(total, done + ${step.done} + failed + ${step.failed}), updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'running'
          AND cursor IS NOT DISTINCT FROM ${step.from}::uuid
        RETURNING id`,
  );
  return rows.length === 1;
}

export async function finishRun(db: Db, workspaceId: string, id: string) {
  await db.execute(
    sql`UPDATE analysis_runs SET state = 'done', finished_at = now(), updated_at = now(),
          total = done + failed
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'running'`,
  );
}

/** Every workspace, oldest first, for `hearken reanalyze` without --workspace. */
export async function allWorkspaceIds(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM workspaces ORDER BY created_at, id`,
  );
  return rows.map((row) => row.id);
}

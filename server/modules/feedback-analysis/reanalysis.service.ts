import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db } from '../../db/client.ts';
import type { ReanalysisScope } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import { ANALYSIS_VERSION } from '../analysis/analyse.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { analyseFeedback, ANALYSIS_BATCH, queueAnalysis } from './analysis.service.ts';
import * as repo from './reanalysis.repository.ts';
import { reclusterJob } from '../themes/themes.jobs.ts';

export const REANALYSE_JOB = 'analysis.reanalyse';
/** How long one job drives a run before handing over to the next job (keeps attempts per slice). */
export const REANALYSIS_SLICE_MS = 15_000;

interface Runner {
  db: Db;
  log: Logger;
}

async function queueRunJob(db: Db, workspaceId: string, runId: string) {
  await insertJobs(db, [{ name: REANALYSE_JOB, workspaceId, payload: { runId } }]);
}

/** Whether a job is queued or running for the run (a run left by a stopped CLI has none). */
async function hasPendingJob(db: Db, workspaceId: string, runId: string) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM jobs WHERE workspace_id = ${workspaceId} AND name = ${REANALYSE_JOB}
          AND state IN ('queued', 'running') AND payload->>'runId' = ${runId} LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Starts re-analysing a workspace: every item (`all`, e.g. after a directory change) or those
 * without an analysis of the current ANALYSIS_VERSION (`outdated`). One run at a time per
 * workspace: asking again while one runs joins it. With `queue` (the API), a job drives the run;
 * the CLI drives it itself.
 */
export async function startReanalysis(
  ctx: Pick<AppContext, 'db' | 'jobs'>,
  workspaceId: string,
  scope: ReanalysisScope,
  actor: Actor,
  options: { queue: boolean } = { queue: true },
): Promise<{ run: repo.RunRow; started: boolean }> {
  const result = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const total = await repo.countInScope(db, workspaceId, scope, ANALYSIS_VERSION);
    const run = await repo.insertRun(db, workspaceId, {
      scope,
      total,
      requestedBy: actor.userId,
    });
    if (run) {
      await recordAudit(
        db,
        workspaceId,
        actor,
        'analysis.reanalysis_started',
        {
          type: 'analysis_run',
          id: run.id,
        },
        { scope, total },
      );
      if (options.queue) await queueRunJob(db, workspaceId, run.id);
      return { run, started: true };
    }
    const running = await repo.findRunningRun(db, workspaceId);
    if (!running) throw errors.conflict('A re-analysis finished just now; ask again.');
    if (options.queue && !(await hasPendingJob(db, workspaceId, running.id)))
      await queueRunJob(db, workspaceId, running.id);
    return { run: running, started: false };
  });
  if (options.queue) ctx.jobs.notify();
  return result;
}

export async function getRun(ctx: AppContext, workspaceId: string, runId: string) {
  const run = await repo.findRun(ctx.db, workspaceId, runId);
  if (!run) throw errors.notFound('re-analysis', runId);
  return run;
}

export function listRuns(ctx: AppContext, workspaceId: string, limit: number) {
  return repo.listRuns(ctx.db, workspaceId, limit);
}

/**
 * One chunk of a run: analyse the next items after the cursor, then move the cursor. Items that
 * fail get an ordinary analysis job of their own, which retries them and dead-letters them
 * visibly; the run counts them as failed and goes on.
 */
async function step(runner: Runner, workspaceId: string, run: repo.RunRow) {
  const ids = await repo.nextIds(
    runner.db,
    workspaceId,
    run.scope,
    ANALYSIS_VERSION,
    run.cursor,
    ANALYSIS_BATCH,
  );
  if (ids.length === 0) {
    await repo.finishRun(runner.db, workspaceId, run.id);
    // Themes found before the run saw only part of the texts: cluster again over all of them.
    await insertJobs(runner.db, [reclusterJob(workspaceId, `run:${run.id}`)]);
    return;
  }
  const outcome = await analyseFeedback(runner.db, workspaceId, ids, runner.log);
  if (outcome.failures.length > 0)
    await queueAnalysis(
      runner.db,
      workspaceId,
      outcome.failures.map((failure) => failure.id),
    );
  await repo.advanceRun(runner.db, workspaceId, run.id, {
    from: run.cursor,
    to: ids.at(-1)!,
    done: ids.length - outcome.failures.length,
    failed: outcome.failures.length,
    lastError: outcome.failures[0]?.error ?? null,
  });
}

/**
 * Drives a run chunk by chunk until it is done, `sliceMs` has passed or `signal` aborts. The
 * cursor is saved after every chunk, so whoever continues later resumes there.
 */
export async function continueRun(
  runner: Runner,
  workspaceId: string,
  runId: string,
  options: { sliceMs?: number; signal?: AbortSignal; onProgress?: (run: repo.RunRow) => void } = {},
): Promise<repo.RunRow> {
  const started = Date.now();
  // At least one chunk per call, so every slice makes progress however slow the database is.
  for (let steps = 0; ; steps++) {
    const run = await repo.findRun(runner.db, workspaceId, runId);
    if (!run) throw new Error(`re-analysis ${runId} is gone`);
    options.onProgress?.(run);
    if (run.state !== 'running' || options.signal?.aborted) return run;
    if (steps > 0 && Date.now() - started >= (options.sliceMs ?? Infinity)) return run;
    await step(runner, workspaceId, run);
  }
}

/** Hands a run that is still going to a fresh job (a slice ended). */
export function queueNextSlice(db: Db, workspaceId: string, runId: string) {
  return queueRunJob(db, workspaceId, runId);
}

export function allWorkspaceIds(db: Db): Promise<string[]> {
  return repo.allWorkspaceIds(db);
}

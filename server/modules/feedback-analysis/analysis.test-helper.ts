import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import { analysisRunJob } from './analysis.jobs.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

/**
 * Runs a workspace's queued analysis jobs as a worker would (claimed first, so no other test's
 * worker takes them), recording failures on the job like the worker does. Returns the job ids
 * that ran and the errors they threw.
 */
export async function runQueuedAnalysis(ctx: AppContext, workspaceId: string, attempt = 1) {
  const jobs = await queryRows<{ id: number; payload: { feedbackIds: string[] } }>(
    ctx.db,
    sql`UPDATE jobs SET state = 'running', attempts = attempts + 1
        WHERE workspace_id = ${workspaceId} AND name = 'analysis.run' AND state = 'queued'
        RETURNING id::int AS id, payload`,
  );
  const errors: string[] = [];
  for (const job of jobs) {
    try {
      await analysisRunJob.handler(job.payload, {
        db: ctx.db,
        jobId: job.id,
        attempt,
        workspaceId,
        log,
        signal: new AbortController().signal,
      });
      await ctx.db.execute(sql`UPDATE jobs SET state = 'done' WHERE id = ${job.id}`);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      await ctx.db.execute(
        sql`UPDATE jobs SET state = 'dead', last_error = ${errors.at(-1)!} WHERE id = ${job.id}`,
      );
    }
  }
  return { jobs: jobs.map((job) => job.id), errors };
}

/** The analysis jobs of a workspace with their feedback ids, oldest first. */
export function analysisJobs(ctx: AppContext, workspaceId: string) {
  return queryRows<{ id: number; state: string; feedbackIds: string[]; lastError: string | null }>(
    ctx.db,
    sql`SELECT id::int AS id, state, payload->'feedbackIds' AS "feedbackIds", last_error AS "lastError"
        FROM jobs WHERE workspace_id = ${workspaceId} AND name = 'analysis.run' ORDER BY id`,
  );
}

/** Ingests texts through the API channel and normalises them; returns their feedback ids in order. */
export async function ingestTexts(ctx: AppContext, workspaceId: string, texts: string[]) {
  const stored = await receiveRawItems(
    ctx.db,
    workspaceId,
    'api',
    texts.map((text, index) => ({
      dedupKey: `${index}:${text}`,
      payload: { text, receivedAt: new Date(Date.UTC(2024, 0, 1, 0, index)).toISOString() },
    })),
  );
  await runQueuedNormalisation(ctx, workspaceId);
  const rows = await queryRows<{ id: string; rawItemId: number }>(
    ctx.db,
    sql`SELECT id, raw_item_id::int AS "rawItemId" FROM feedback WHERE workspace_id = ${workspaceId}`,
  );
  const byRaw = new Map(rows.map((row) => [row.rawItemId, row.id]));
  return stored.map((item) => byRaw.get(item.id)!);
}

export function analysisOf(ctx: AppContext, workspaceId: string) {
  return queryRows<{
    feedbackId: string;
    language: string;
    sentimentLabel: string | null;
    duplicateOf: string | null;
    mentions: number;
    bands: number;
  }>(
    ctx.db,
    sql`SELECT a.feedback_id AS "feedbackId", a.language, a.sentiment_label AS "sentimentLabel",
          a.duplicate_of AS "duplicateOf",
          (SELECT count(*)::int FROM mentions m WHERE m.workspace_id = a.workspace_id AND m.feedback_id = a.feedback_id) AS mentions,
          (SELECT count(*)::int FROM text_similarity_bands b WHERE b.workspace_id = a.workspace_id
             AND b.subject = 'feedback' AND b.subject_id = a.feedback_id) AS bands
        FROM feedback_analysis a JOIN feedback f ON f.workspace_id = a.workspace_id AND f.id = a.feedback_id
        WHERE a.workspace_id = ${workspaceId} ORDER BY f.received_at`,
  );
}

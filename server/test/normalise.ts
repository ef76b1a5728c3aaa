import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { createLogger } from '../logger.ts';
import { normaliseJob } from '../modules/ingest/normalise.jobs.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

/**
 * Runs a workspace's queued normalisation jobs in the test, as a worker would (claiming them first),
 * so tests see normalised feedback without a worker that might take other tests' jobs.
 * Returns how many jobs ran and the errors they threw.
 */
export async function runQueuedNormalisation(ctx: AppContext, workspaceId: string, attempt = 1) {
  const jobs = await queryRows<{ id: number; payload: { rawItemIds: number[] } }>(
    ctx.db,
    sql`UPDATE jobs SET state = 'done' WHERE workspace_id = ${workspaceId} AND name = 'ingest.normalise' AND state = 'queued'
        RETURNING id::int AS id, payload`,
  );
  const errors: string[] = [];
  for (const job of jobs) {
    await normaliseJob
      .handler(job.payload, {
        db: ctx.db,
        jobId: job.id,
        attempt,
        workspaceId,
        log,
        signal: new AbortController().signal,
      })
      .catch((error: Error) => errors.push(error.message));
  }
  return { jobs: jobs.length, errors };
}

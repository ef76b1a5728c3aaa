import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isNotNull, sql } from 'drizzle-orm';
import { parseConfig } from '../../server/config/env.ts';
import { createContext } from '../../server/context.ts';
import { openDatabase, queryRows } from '../../server/db/client.ts';
import { feedback } from '../../server/db/schema/index.ts';
import { buildApp } from '../../server/http/app.ts';
import { createRegistry } from '../../server/jobs/job.ts';
import { Worker } from '../../server/jobs/worker.ts';
import { createLogger } from '../../server/logger.ts';
import { normaliseJob } from '../../server/modules/ingest/normalise.jobs.ts';
import { createTestWorkspace } from '../../server/test/fixtures.ts';
import { watchEventLoop } from './event-loop.ts';
import {
  epochMs,
  type ChildMessage,
  type Counts,
  type Drained,
  type ParentMessage,
} from './ingest-protocol.ts';

/**
 * Hearken for the ingest bench, in its own process so the load generator does not share its event
 * loop: `node --import tsx bench/lib/ingest-server.ts [database-url]` (no URL: PGlite in memory).
 * It serves the API alone (`buildApp`, no worker) and, on request over IPC, drains the queued
 * normalisation jobs with one `Worker`, counts what is stored, and runs the plain-INSERT baseline
 * on the same database.
 */
const [databaseUrl] = process.argv.slice(2);
const dataDir = mkdtempSync(join(tmpdir(), 'hearken-bench-ingest-'));
const config = parseConfig({ LOG_LEVEL: 'warn', DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
const log = createLogger(config);
const database = await openDatabase({ databaseUrl, poolMax: config.DATABASE_POOL_MAX });
await database.migrate();
const ctx = createContext(database.db, database.engine, config, log);
const workspace = await createTestWorkspace(ctx, 'Bench Co');
const apiKey = await workspace.apiKey('agent');
const app = await buildApp(ctx);
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const send = (message: ChildMessage) => process.send?.(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the queued normalisation jobs with one worker (product defaults) until `jobs` are done. */
async function drain(jobs: number, timeoutMs: number): Promise<Drained> {
  const worker = new Worker(database.db, createRegistry([normaliseJob]), {
    concurrency: config.WORKER_CONCURRENCY,
    pollMs: config.JOB_POLL_MS,
    leaseMs: config.JOB_LEASE_MS,
    log,
  });
  const stopWatching = watchEventLoop();
  const started = performance.now();
  const startedAt = epochMs();
  worker.start();
  // Checked on a timer: late while a job holds the loop, on time once the last job is done.
  while (worker.completed < jobs && performance.now() - started < timeoutMs) await sleep(5);
  const endedAt = epochMs();
  const stallMs = stopWatching();
  const completed = worker.completed;
  await worker.stop(10_000);
  return { type: 'drained', startedAt, endedAt, completed, timedOut: completed < jobs, stallMs };
}

async function count(): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    database.db,
    sql`SELECT
          (SELECT count(*)::int FROM raw_items) AS "rawItems",
          (SELECT count(*)::int FROM raw_items WHERE state = 'processed') AS processed,
          (SELECT count(*)::int FROM raw_items WHERE state = 'received') AS received,
          (SELECT count(*)::int FROM raw_items WHERE state = 'dead') AS dead,
          (SELECT count(*)::int FROM feedback WHERE raw_item_id IS NOT NULL) AS feedback,
          (SELECT count(*)::int FROM jobs WHERE name = 'ingest.normalise') AS jobs,
          (SELECT count(*)::int FROM jobs WHERE name = 'ingest.normalise' AND state = 'done') AS "jobsDone",
          (SELECT count(*)::int FROM jobs WHERE name = 'ingest.normalise' AND state = 'dead') AS "jobsDead",
          (SELECT count(*)::int FROM jobs WHERE name = 'ingest.normalise' AND attempts > 1) AS "jobsRetried",
          (SELECT count(*)::int FROM contacts) AS contacts,
          (SELECT count(*)::int FROM accounts) AS accounts`,
  );
  if (!row) throw new Error('count query returned no row');
  return row;
}

/**
 * The floor: the same feedback rows (same text, score, contact and account, `raw_item_id` left
 * empty) inserted again with a plain multi-row INSERT per `batchSize` rows, into the same table
 * with the same indexes and foreign keys. Rows are read before the clock starts.
 */
async function baseline(batchSize: number): Promise<{ rows: number; ms: number }> {
  const rows = await database.db
    .select({
      workspaceId: feedback.workspaceId,
      channel: feedback.channel,
      touchpointId: feedback.touchpointId,
      contactId: feedback.contactId,
      accountId: feedback.accountId,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      receivedAt: feedback.receivedAt,
    })
    .from(feedback)
    .where(isNotNull(feedback.rawItemId))
    .orderBy(feedback.rawItemId);
  const started = performance.now();
  for (let offset = 0; offset < rows.length; offset += batchSize) {
    await database.db.insert(feedback).values(rows.slice(offset, offset + batchSize));
  }
  return { rows: rows.length, ms: performance.now() - started };
}

async function stop(): Promise<void> {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.disconnect?.();
}

async function handle(message: ParentMessage): Promise<void> {
  switch (message.type) {
    case 'drain':
      send(await drain(message.jobs, message.timeoutMs));
      return;
    case 'verify':
      send({ type: 'verified', counts: await count() });
      return;
    case 'baseline':
      send({ type: 'baseline-done', ...(await baseline(message.batchSize)) });
      return;
    case 'stop':
      await stop();
      return;
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).catch((error: unknown) =>
    send({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
});
send({ type: 'ready', url, apiKey, engine: database.engine });

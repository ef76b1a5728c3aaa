import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { openDatabase, queryRows, type Database, type Engine } from '../server/db/client.ts';
import { createRegistry } from '../server/jobs/job.ts';
import { Worker } from '../server/jobs/worker.ts';
import { normaliseJob } from '../server/modules/ingest/normalise.jobs.ts';
import { parseConfig } from '../server/config/env.ts';
import { createContext } from '../server/context.ts';
import { createLogger } from '../server/logger.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { importFeedbackFile } from '../server/modules/imports/import.service.ts';
import { createPost } from '../server/modules/listening-posts/listening-posts.service.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
import { plainInsertBaseline, serverSideInsertFloor } from './lib/plain-insert.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  intArg,
  note,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'CSV import end to end: rows/s accepted and normalised (identity included), re-import, peak RSS, vs a plain INSERT';

/** The target on PostgreSQL, rows per second including normalisation and identity. */
const TARGET_ROWS_PER_S = 25_000;

const WORDS = [
  'fast',
  'slow',
  'support',
  'onboarding',
  'pricing',
  'dashboard',
  'export',
  '"quoted"',
  'team',
];

/** A Delighted-style CSV of `rows` rows, generated as it is read (nothing held in memory). */
function generatedCsv(rows: number): Readable {
  async function* lines() {
    yield 'Response ID,Person Name,Person Email,Score,Comment,Response Timestamp,Delighted Source\n';
    for (let start = 0; start < rows; start += 500) {
      let chunk = '';
      for (let i = start; i < Math.min(rows, start + 500); i++) {
        const text = Array.from(
          { length: 8 + (i % 17) },
          (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length],
        ).join(' ');
        chunk += `${i},Person ${i % 5000},p${i % 5000}@company${i % 300}.example,${i % 11},"Row ${i}: ${text.replaceAll('"', '""')}",2024-03-${String(1 + (i % 28)).padStart(2, '0')} 14:00:10 -0800,email\n`;
      }
      yield chunk;
    }
  }
  return Readable.from(lines());
}

interface EngineResult {
  engine: Engine;
  rows: number;
  acceptMs: number;
  endToEndMs: number;
  againMs: number;
  peakRssMb: number;
  baseline: { rows: number; ms: number };
  floor: { rows: number; ms: number };
  contacts: number;
  accounts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Samples the process's resident memory until stopped; returns the peak in MB. */
function sampleRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

async function normaliseJobs(database: Database, workspaceId: string) {
  const [row] = await queryRows<{ total: number; finished: number; dead: number }>(
    database.db,
    sql`SELECT count(*)::int AS total,
          count(*) FILTER (WHERE state IN ('done', 'dead'))::int AS finished,
          count(*) FILTER (WHERE state = 'dead')::int AS dead
        FROM jobs WHERE workspace_id = ${workspaceId} AND name = 'ingest.normalise'`,
  );
  return row!;
}

/**
 * One engine, as `npm start` runs it: the import and a worker with the product's settings in one
 * process. Timed from the first row read to the last row normalised (contact and account
 * resolved, feedback stored). Then the same file again (adds nothing), then the plain INSERT.
 */
async function runEngine(engine: Engine, database: Database, rows: number): Promise<EngineResult> {
  const config = parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench-data' });
  const log = createLogger(config);
  const ctx = createContext(database.db, engine, config, log);
  const user = await insertUser(ctx.db, {
    email: `bench-${randomUUID()}@example.test`,
    name: 'Bench',
    passwordHash: 'x',
  });
  const workspace = await createWorkspaceWithOwner(
    ctx.db,
    `Import bench ${randomUUID().slice(0, 8)}`,
    user.id,
    SYSTEM_ACTOR,
  );
  const post = await createPost(ctx, workspace.id, { kind: 'import', name: 'bench' });
  const worker = new Worker(ctx.db, createRegistry([normaliseJob]), {
    concurrency: config.WORKER_CONCURRENCY,
    pollMs: config.JOB_POLL_MS,
    leaseMs: config.JOB_LEASE_MS,
    log,
  });
  const stopSampling = sampleRss();
  const started = performance.now();
  worker.start();
  const first = await importFeedbackFile(ctx, workspace.id, post.id, generatedCsv(rows), {
    format: 'csv',
  });
  const acceptMs = performance.now() - started;
  if (first.imported !== rows) throw new Error(`unexpected result ${JSON.stringify(first)}`);
  progress(`${engine}: ${rows} rows accepted in ${Math.round(acceptMs)} ms; normalising`);
  for (;;) {
    const jobs = await normaliseJobs(database, workspace.id);
    if (jobs.dead > 0) throw new Error(`${jobs.dead} normalisation jobs died`);
    if (jobs.finished === jobs.total) break;
    await sleep(200);
  }
  const endToEndMs = performance.now() - started;
  await worker.stop(10_000);
  const peakRssMb = stopSampling();
  progress(`${engine}: normalised after ${Math.round(endToEndMs)} ms; importing again`);

  const againStarted = performance.now();
  const again = await importFeedbackFile(ctx, workspace.id, post.id, generatedCsv(rows), {
    format: 'csv',
  });
  const againMs = performance.now() - againStarted;
  if (again.imported !== 0 || again.duplicates !== rows)
    throw new Error(`re-import added rows: ${JSON.stringify(again)}`);

  progress(`${engine}: plain INSERT of the same ${rows} feedback rows`);
  const baseline = await plainInsertBaseline(ctx.db, workspace.id);
  progress(`${engine}: the same rows copied inside the database (INSERT … SELECT)`);
  const floor = await serverSideInsertFloor(ctx.db, workspace.id);
  const [people] = await queryRows<{ contacts: number; accounts: number }>(
    ctx.db,
    sql`SELECT (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspace.id}) AS contacts,
          (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspace.id}) AS accounts`,
  );
  return { engine, rows, acceptMs, endToEndMs, againMs, peakRssMb, baseline, floor, ...people! };
}

function report(results: EngineResult[]) {
  const figures: Record<string, number> = {};
  const table = results.flatMap((r) => {
    const plain = perSecond(r.baseline.rows, r.baseline.ms);
    const e2e = perSecond(r.rows, r.endToEndMs);
    Object.assign(figures, {
      [`${r.engine}_rows`]: r.rows,
      [`${r.engine}_accept_rows_per_s`]: perSecond(r.rows, r.acceptMs),
      [`${r.engine}_e2e_rows_per_s`]: e2e,
      [`${r.engine}_reimport_rows_per_s`]: perSecond(r.rows, r.againMs),
      [`${r.engine}_plain_insert_rows_per_s`]: plain,
      [`${r.engine}_e2e_vs_plain`]: Math.round((e2e / plain) * 100) / 100,
      [`${r.engine}_in_database_copy_rows_per_s`]: perSecond(r.floor.rows, r.floor.ms),
      [`${r.engine}_peak_rss_mb`]: r.peakRssMb,
    });
    return [
      [r.engine, 'accept (raw rows stored, jobs queued)', r.rows, r.acceptMs, r.peakRssMb],
      [r.engine, 'end to end (normalised, identity)', r.rows, r.endToEndMs, r.peakRssMb],
      [r.engine, 'same file again (adds nothing)', r.rows, r.againMs, ''],
      [r.engine, 'plain INSERT into feedback, 1000/stmt', r.baseline.rows, r.baseline.ms, ''],
      [r.engine, 'same rows copied in the database, 4 sessions', r.floor.rows, r.floor.ms, ''],
    ].map(([engine, run, count, ms, rss]) => [
      engine as string,
      run as string,
      count as number,
      Math.round((ms as number) / 1000),
      perSecond(count as number, ms as number),
      rss as number | string,
    ]);
  });
  printTable(
    'Delighted-style CSV import, one process with a worker (as npm start)',
    ['engine', 'run', 'rows', 's', 'rows/s', 'peak RSS MB'],
    table,
  );
  for (const r of results)
    note(`${r.engine}: ${r.contacts} contacts and ${r.accounts} accounts resolved from the rows.`);
  note(
    'peak RSS: whole process (import, worker, and for PGlite the database), sampled every 100 ms.',
  );
  note(
    'plain INSERT: the stored feedback rows inserted again, same table, indexes and foreign keys.',
  );
  note(
    'copied in the database: INSERT … SELECT of those rows inside the database, no client: the most',
  );
  note('  this table can store on this machine, so a ceiling for any pipeline that ends in it.');
  const postgres = results.find((r) => r.engine === 'postgres');
  if (postgres) {
    const rate = perSecond(postgres.rows, postgres.endToEndMs);
    note(
      `target: ≥ ${TARGET_ROWS_PER_S} rows/s on PostgreSQL including normalisation: ${rate >= TARGET_ROWS_PER_S ? 'met' : 'NOT met'} (${rate}).`,
    );
  }
  printFigures(figures);
}

export async function main(args: string[]): Promise<void> {
  const pgliteRows = intArg(args, 'pglite-rows', 200_000);
  const postgresRows = intArg(args, 'postgres-rows', 1_000_000);
  noteMachine();
  const results: EngineResult[] = [];
  const pglite = await openDatabase({});
  await pglite.migrate();
  results.push(await runEngine('pglite', pglite, pgliteRows));
  await pglite.close();
  const created = await createBenchDatabase();
  if (created.ok) {
    const postgres = await openDatabase({ databaseUrl: created.database.url, poolMax: 10 });
    try {
      await postgres.migrate();
      results.push(await runEngine('postgres', postgres, postgresRows));
    } finally {
      await postgres.close();
      await created.database.drop();
    }
  } else note(`PostgreSQL skipped: ${created.reason}`);
  report(results);
}

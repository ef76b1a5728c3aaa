import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { parseConfig } from '../server/config/env.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { openDatabase, queryRows, type Database, type Engine } from '../server/db/client.ts';
import { createRegistry } from '../server/jobs/job.ts';
import { allJobs } from '../server/jobs/registry.ts';
import { Worker } from '../server/jobs/worker.ts';
import { createLogger } from '../server/logger.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { analyseText } from '../server/modules/analysis/analyse.ts';
import { receiveRawItems } from '../server/modules/ingest/ingest.repository.ts';
import {
  createEntity,
  createPerson,
} from '../server/modules/staff-directory/staff-directory.service.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
import { generateItems, type BenchItem } from './lib/ingest-data.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  flagArg,
  intArg,
  note,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'Analysis through the job queue: items/s from raw items stored to analysed, and ingest-to-analysed delay (p50/p95/p99) at a steady offered load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  ctx: AppContext;
  workspaceId: string;
}

async function newWorkspace(ctx: AppContext): Promise<string> {
  const user = await insertUser(ctx.db, {
    email: `bench-${randomUUID()}@example.test`,
    name: 'Bench',
    passwordHash: 'x',
  });
  const workspace = await createWorkspaceWithOwner(
    ctx.db,
    `Analysis bench ${randomUUID().slice(0, 8)}`,
    user.id,
    SYSTEM_ACTOR,
  );
  // A small directory, so mention matching does real work.
  for (const name of ['Slack', 'CSV', 'Excel', 'single sign-on'])
    await createEntity(ctx, workspace.id, { kind: 'feature', name, aliases: [] }, SYSTEM_ACTOR);
  await createPerson(
    ctx,
    workspace.id,
    { name: 'Samantha Reed', nicknames: ['Sam'], teamId: null, email: null, userId: null },
    SYSTEM_ACTOR,
  );
  return workspace.id;
}

function items(count: number, seed: number): BenchItem[] {
  return generateItems(count, 1000, seed).batches.flatMap(
    (batch) => (JSON.parse(batch.body) as { items: BenchItem[] }).items,
  );
}

async function store(setup: Setup, batch: BenchItem[]) {
  await receiveRawItems(
    setup.ctx.db,
    setup.workspaceId,
    'api',
    batch.map((item) => ({ dedupKey: randomUUID(), payload: item })),
  );
  setup.ctx.jobs.notify();
}

async function counts(setup: Setup) {
  const [row] = await queryRows<{ analysed: number; dead: number }>(
    setup.ctx.db,
    sql`SELECT (SELECT count(*)::int FROM feedback_analysis WHERE workspace_id = ${setup.workspaceId}) AS analysed,
          (SELECT count(*)::int FROM jobs WHERE workspace_id = ${setup.workspaceId} AND state = 'dead') AS dead`,
  );
  return row!;
}

async function waitAnalysed(setup: Setup, total: number, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { analysed, dead } = await counts(setup);
    if (dead > 0) {
      const [first] = await queryRows<{ name: string; last_error: string }>(
        setup.ctx.db,
        sql`SELECT name, last_error FROM jobs WHERE workspace_id = ${setup.workspaceId} AND state = 'dead' LIMIT 1`,
      );
      throw new Error(`${dead} jobs died; first: ${first?.name}: ${first?.last_error}`);
    }
    if (analysed >= total || performance.now() > deadline) return analysed;
    await sleep(500);
  }
}

/**
 * Workers: one in this process (as `npm start`), plus `extra` processes on PostgreSQL. With
 * `--profile`, each extra process writes a CPU profile (.cpuprofile) into .tmp/profiles.
 */
async function startWorkers(
  ctx: AppContext,
  url: string | undefined,
  extra: number,
  profile: boolean,
) {
  const worker = new Worker(ctx.db, createRegistry(allJobs), {
    concurrency: ctx.config.WORKER_CONCURRENCY,
    pollMs: 50,
    leaseMs: ctx.config.JOB_LEASE_MS,
    log: ctx.log,
  });
  ctx.jobs.onEnqueue(() => worker.nudge());
  const children: ChildProcess[] = [];
  if (url) {
    const script = fileURLToPath(new URL('./lib/analysis-worker.ts', import.meta.url));
    for (let index = 0; index < extra; index++) {
      const profiling = profile ? ['--cpu-prof', '--cpu-prof-dir=.tmp/profiles'] : [];
      const child = spawn(process.execPath, [...profiling, '--import', 'tsx', script, url], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
      });
      children.push(child);
    }
  }
  worker.start();
  return async () => {
    await worker.stop(10_000);
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.stdin!.end();
          }),
      ),
    );
  };
}

interface Result {
  engine: Engine;
  workers: number;
  items: number;
  throughputMs: number;
  rate: number;
  offered: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  keptUp: boolean;
}

async function runEngine(
  engine: Engine,
  database: Database,
  url: string | undefined,
  options: {
    items: number;
    rate: number;
    seconds: number;
    extraWorkers: number;
    profile: boolean;
    concurrency: number;
  },
): Promise<Result> {
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '.tmp/bench-data',
    WORKER_CONCURRENCY: String(options.concurrency),
  });
  const ctx = createContext(database.db, engine, config, createLogger(config));
  const workers = 1 + (url ? options.extraWorkers : 0);

  // 1. Throughput: N raw items stored first, then timed until every one is analysed.
  const throughput: Setup = { ctx, workspaceId: await newWorkspace(ctx) };
  const data = items(options.items, 7);
  for (let start = 0; start < data.length; start += 1000)
    await store(throughput, data.slice(start, start + 1000));
  progress(
    `${engine}: ${options.items} raw items stored; analysing with ${workers} worker process(es)`,
  );
  const stop = await startWorkers(ctx, url, options.extraWorkers, options.profile);
  const started = performance.now();
  await waitAnalysed(throughput, options.items, 30 * 60_000);
  const throughputMs = performance.now() - started;
  progress(
    `${engine}: ${perSecond(options.items, throughputMs)} items/s; now ${options.rate}/s offered for ${options.seconds} s`,
  );

  // 2. Delay at a steady offered load: items arrive in small batches every 50 ms.
  const steady: Setup = { ctx, workspaceId: await newWorkspace(ctx) };
  const offered = items(options.rate * options.seconds, 11);
  let sent = 0;
  const loadStarted = performance.now();
  while (sent < offered.length) {
    const due = Math.min(
      offered.length,
      Math.floor((options.rate * (performance.now() - loadStarted)) / 1000),
    );
    if (due > sent) {
      await store(steady, offered.slice(sent, due));
      sent = due;
    }
    await sleep(50);
  }
  const loadMs = performance.now() - loadStarted;
  const analysedAtEnd = (await counts(steady)).analysed;
  await waitAnalysed(steady, offered.length, 30 * 60_000);
  await stop();
  const [latency] = await queryRows<{ p50: number; p95: number; p99: number; max: number }>(
    ctx.db,
    sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS p50,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY d) AS p95,
          percentile_cont(0.99) WITHIN GROUP (ORDER BY d) AS p99, max(d) AS max
        FROM (SELECT extract(epoch FROM a.analysed_at - r.received_at) * 1000 AS d
              FROM raw_items r JOIN feedback_analysis a ON a.workspace_id = r.workspace_id AND a.feedback_id = r.feedback_id
              WHERE r.workspace_id = ${steady.workspaceId}) AS delays`,
  );
  return {
    engine,
    workers,
    items: options.items,
    throughputMs,
    rate: perSecond(sent, loadMs),
    offered: offered.length,
    latency: {
      p50: Math.round(Number(latency!.p50)),
      p95: Math.round(Number(latency!.p95)),
      p99: Math.round(Number(latency!.p99)),
      max: Math.round(Number(latency!.max)),
    },
    // Kept up: at most a second's worth of items still waiting when the load stopped.
    keptUp: offered.length - analysedAtEnd <= options.rate,
  };
}

export async function main(args: string[]): Promise<void> {
  const options = {
    items: intArg(args, 'items', 10_000),
    rate: intArg(args, 'rate', 1000),
    seconds: intArg(args, 'seconds', 10),
    extraWorkers: intArg(args, 'workers', 1) - 1,
    profile: flagArg(args, 'profile'),
    // Jobs at once in this process, as WORKER_CONCURRENCY sets for `npm start`.
    concurrency: intArg(args, 'concurrency', 4),
  };
  noteMachine();
  // The ceiling one process can reach: the analysers alone on the same texts, no database.
  const sample = items(2000, 3).map((item) => item.text);
  analyseText(sample[0]!);
  const pureStarted = performance.now();
  for (const text of sample) analyseText(text);
  const pureRate = perSecond(sample.length, performance.now() - pureStarted);
  const results: Result[] = [];
  if (flagArg(args, 'pglite')) {
    const pglite = await openDatabase({});
    await pglite.migrate();
    const small = {
      ...options,
      items: Math.min(options.items, 2000),
      seconds: Math.min(options.seconds, 5),
    };
    results.push(await runEngine('pglite', pglite, undefined, small));
    await pglite.close();
  }
  const created = await createBenchDatabase();
  if (created.ok) {
    const postgres = await openDatabase({ databaseUrl: created.database.url, poolMax: 10 });
    try {
      await postgres.migrate();
      results.push(await runEngine('postgres', postgres, created.database.url, options));
    } finally {
      await postgres.close();
      await created.database.drop();
    }
  } else note(`PostgreSQL skipped: ${created.reason}`);

  const figures: Record<string, number> = { analysers_only_items_per_s_one_core: pureRate };
  printTable(
    'Raw items stored → normalised → analysed (sentiment, language, key phrases, mentions, near-duplicates)',
    [
      'engine',
      'worker processes',
      'items',
      'items/s',
      'offered/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'kept up',
    ],
    results.map((r) => {
      Object.assign(figures, {
        [`${r.engine}_items_per_s`]: perSecond(r.items, r.throughputMs),
        [`${r.engine}_offered_per_s`]: r.rate,
        [`${r.engine}_delay_p50_ms`]: r.latency.p50,
        [`${r.engine}_delay_p95_ms`]: r.latency.p95,
        [`${r.engine}_delay_p99_ms`]: r.latency.p99,
        [`${r.engine}_kept_up`]: r.keptUp ? 1 : 0,
      });
      return [
        r.engine,
        r.workers,
        r.items,
        perSecond(r.items, r.throughputMs),
        r.rate,
        r.latency.p50,
        r.latency.p95,
        r.latency.p99,
        r.latency.max,
        r.keptUp ? 'yes' : 'no',
      ];
    }),
  );
  note(
    'items/s: all items stored first, then timed from the workers starting until the last analysis row is written.',
  );
  note(
    'delay: raw item received (stored) to analysis stored, for items offered at a steady rate; measured on every item.',
  );
  note(
    'kept up: no more than one second of offered items was waiting when the load stopped; otherwise the delay grows with the backlog.',
  );
  note(`analysers alone (analyseText, one process, no database): ${pureRate} items/s.`);
  note('PGlite (with --pglite) runs smaller: at most 2,000 items and 5 s of load, one process.');
  printFigures(figures);
}

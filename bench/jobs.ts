import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type Engine } from '../server/db/client.ts';
import { JobQueue } from '../server/jobs/queue.ts';
import type { NewJob } from '../server/jobs/queue.repository.ts';
import { Worker } from '../server/jobs/worker.ts';
import { createLogger } from '../server/logger.ts';
import { spawnWorkerProcess, type WorkerProcess } from './lib/jobs-child.ts';
import { verifyRun, type Check } from './lib/jobs-check.ts';
import { watchEventLoop } from './lib/event-loop.ts';
import {
  benchRegistry,
  executions,
  NOOP_JOB,
  resetExecutions,
  WORKER_SETTINGS,
} from './lib/noop-job.ts';
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
import type { Cell } from './lib/report.ts';

export const description =
  'Jobs/s enqueued (batched, single) and completed (1 and 2 workers; PostgreSQL also 2 processes)';

interface Options {
  batchJobs: number;
  batchSize: number;
  singleJobs: number;
  completeJobs: number;
  smallJobs: number;
  backlogJobs: number;
  backlogFirst: number;
  timeoutMs: number;
}

type Mode = '1w' | '2w' | '2proc';

/** One completion run: how many workers, how deep the queue is, and an optional time limit. */
interface RunSpec {
  key: string;
  mode: Mode;
  jobs: number;
  /** Stop once this many jobs ran and report the rate so far (the start of a deep backlog). */
  stopAfter?: number;
}

interface CompletionResult {
  spec: RunSpec;
  completed: number;
  ms: number;
  split: number[];
  timedOut: boolean;
  /** Longest event-loop stall in this process during the run, in ms. */
  stallMs: number;
  check: Check;
}

interface EngineResult {
  engine: Engine;
  batchMs: number;
  singleMs: number;
  runs: CompletionResult[];
}

const log = createLogger({ LOG_LEVEL: 'warn' });
const MODE_LABEL: Record<Mode, string> = {
  '1w': '1 worker',
  '2w': '2 workers in 1 process',
  '2proc': '2 workers in 2 processes',
};

function runLabel(spec: RunSpec): string {
  const jobs = spec.jobs.toLocaleString('en-US');
  const what = spec.stopAfter
    ? `first ${spec.stopAfter.toLocaleString('en-US')} of ${jobs} queued`
    : `drain ${jobs}`;
  return `complete, ${MODE_LABEL[spec.mode]}, ${what}`;
}

function runSpecs(engine: Engine, options: Options): RunSpec[] {
  const modes: Mode[] = engine === 'postgres' ? ['1w', '2w', '2proc'] : ['1w', '2w'];
  return [
    ...modes.map((mode) => ({ key: `complete_${mode}`, mode, jobs: options.completeJobs })),
    { key: 'complete_1w_backlog_small', mode: '1w', jobs: options.smallJobs },
    {
      key: 'complete_1w_backlog_deep',
      mode: '1w',
      jobs: options.backlogJobs,
      stopAfter: options.backlogFirst,
    },
  ];
}

function jobs(count: number, offset = 0): NewJob[] {
  return Array.from({ length: count }, (_, index) => ({
    name: NOOP_JOB,
    payload: { n: offset + index },
  }));
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An empty, vacuumed queue, so every run starts from the same state. */
async function resetQueue(database: Database): Promise<void> {
  await database.db.execute(sql`DELETE FROM jobs`);
  await database.db.execute(sql`VACUUM ANALYZE jobs`).catch(() => undefined);
}

async function enqueueBatches(
  queue: JobQueue,
  count: number,
  batchSize: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; offset < count; offset += batchSize) {
    ids.push(...(await queue.enqueueMany(jobs(Math.min(batchSize, count - offset), offset))));
  }
  return ids;
}

async function countDone(database: Database): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    database.db,
    sql`SELECT count(*)::int AS count FROM jobs WHERE state = 'done'`,
  );
  return row?.count ?? 0;
}

const localDone = (workers: Worker[]) => workers.reduce((sum, worker) => sum + worker.completed, 0);

/** Waits until `jobs` are done, polling the given count (a timer: late if the loop is blocked). */
async function drained(
  jobs: number,
  timeoutMs: number,
  started: number,
  count: () => Promise<number>,
): Promise<{ completed: number; endedAt: number }> {
  let completed = 0;
  while (performance.now() - started < timeoutMs) {
    completed = await count();
    if (completed >= jobs) break;
    await sleep(5);
  }
  return { completed, endedAt: performance.now() };
}

/**
 * Resolves when the handler has run `count` times. The signal comes from inside the worker's own
 * promise chain, so it is on time even when PGlite keeps the event loop from running timers.
 */
function firstJobs(
  count: number,
  timeoutMs: number,
): Promise<{ completed: number; endedAt: number }> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ completed: executions.count, endedAt: performance.now() }),
      timeoutMs,
    );
    executions.onRun = (runs) => {
      if (runs !== count) return;
      clearTimeout(timer);
      resolve({ completed: runs, endedAt: performance.now() });
    };
  });
}

async function completionRun(
  database: Database,
  url: string | undefined,
  spec: RunSpec,
  options: Options,
): Promise<CompletionResult> {
  await resetQueue(database);
  resetExecutions();
  const ids = await enqueueBatches(new JobQueue(database.db), spec.jobs, options.batchSize);
  const inProcess = spec.mode === '2w' ? 2 : 1;
  const workers = Array.from(
    { length: inProcess },
    () => new Worker(database.db, benchRegistry, { ...WORKER_SETTINGS, log }),
  );
  let child: WorkerProcess | undefined;
  if (spec.mode === '2proc') {
    if (!url) throw new Error('2 processes need PostgreSQL');
    child = await spawnWorkerProcess(url);
  }
  try {
    const stopWatching = watchEventLoop();
    const started = performance.now();
    for (const worker of workers) worker.start();
    child?.start();
    const { completed, endedAt } = spec.stopAfter
      ? await firstJobs(spec.stopAfter, options.timeoutMs)
      : await drained(spec.jobs, options.timeoutMs, started, () =>
          child ? countDone(database) : Promise.resolve(localDone(workers)),
        );
    const stallMs = stopWatching();
    await Promise.all(workers.map((worker) => worker.stop(5000)));
    const report = child ? await child.stop() : undefined;
    const split = [...workers.map((worker) => worker.completed)];
    if (report) split.push(report.completed);
    const done = split.reduce((sum, count) => sum + count, 0);
    const check = await verifyRun(database, ids, spec.stopAfter ? done : spec.jobs, report);
    const timedOut = completed < (spec.stopAfter ?? spec.jobs);
    return { spec, completed, ms: endedAt - started, split, timedOut, stallMs, check };
  } finally {
    child?.kill();
  }
}

async function benchEngine(
  engine: Engine,
  url: string | undefined,
  options: Options,
): Promise<EngineResult> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    await database.migrate();
    progress(`${engine}: enqueue ${options.batchJobs} batched + ${options.singleJobs} single`);
    await resetQueue(database);
    const queue = new JobQueue(database.db);
    const batchMs = await timed(() => enqueueBatches(queue, options.batchJobs, options.batchSize));
    const singleMs = await timed(async () => {
      for (let index = 0; index < options.singleJobs; index += 1) {
        await queue.enqueue({ name: NOOP_JOB, payload: { n: index } });
      }
    });
    const runs: CompletionResult[] = [];
    for (const spec of runSpecs(engine, options)) {
      progress(`${engine}: ${runLabel(spec)}`);
      runs.push(await completionRun(database, url, spec, options));
    }
    return { engine, batchMs, singleMs, runs };
  } finally {
    await database.close();
  }
}

function report(results: EngineResult[], options: Options, skipped: string | undefined): void {
  const rows: Cell[][] = [];
  const checks: Cell[][] = [];
  const figures: Record<string, number | null> = {};
  for (const { engine, batchMs, singleMs, runs } of results) {
    const batchRate = perSecond(options.batchJobs, batchMs);
    const singleRate = perSecond(options.singleJobs, singleMs);
    rows.push([
      engine,
      `enqueue, batches of ${options.batchSize}`,
      options.batchJobs,
      '—',
      batchMs / 1000,
      batchRate,
    ]);
    rows.push([
      engine,
      'enqueue, one at a time',
      options.singleJobs,
      '—',
      singleMs / 1000,
      singleRate,
    ]);
    figures[`${engine}_enqueue_batch_per_s`] = batchRate;
    figures[`${engine}_enqueue_single_per_s`] = singleRate;
    for (const run of runs) {
      const rate = perSecond(run.completed, run.ms);
      const label = runLabel(run.spec) + (run.timedOut ? ' (TIMED OUT)' : '');
      rows.push([
        engine,
        label,
        run.completed,
        run.split.join(' / '),
        run.ms / 1000,
        rate,
        Math.round(run.stallMs),
      ]);
      figures[`${engine}_${run.spec.key}_per_s`] = run.timedOut ? null : rate;
      const { check } = run;
      const verdict = check.ok ? 'OK' : 'FAILED';
      checks.push([
        engine,
        label,
        check.rows,
        check.done,
        check.untouched,
        check.retried,
        check.handlerRuns,
        check.distinctIds,
        verdict,
      ]);
    }
  }
  printTable(
    'Jobs: enqueue and completion throughput',
    ['engine', 'measure', 'jobs', 'per worker', 'seconds', 'jobs/s', 'loop stall ms'],
    rows,
  );
  printTable(
    'Exactly-once check after each completion run (counted in the jobs table and in the handler)',
    [
      'engine',
      'run',
      'rows',
      'done',
      'untouched',
      'attempts>1',
      'handler runs',
      'distinct ids',
      'result',
    ],
    checks,
  );
  const { concurrency, pollMs } = WORKER_SETTINGS;
  note(`workers: concurrency ${concurrency}, poll ${pollMs} ms, no-op handler; PGlite in memory;`);
  note('  PostgreSQL: a private database, pool of 10 connections per process.');
  note(
    '"2 workers in 2 processes": the second worker is its own Node process (bench/lib/jobs-worker.ts).',
  );
  note(
    'each run starts from an emptied, vacuumed jobs table; single enqueues are sequential awaits.',
  );
  note('"drain N": N jobs queued, then the workers start; timed until all N are done.');
  note(
    '"first K of N queued": rate over the first K jobs while N wait (a claim sorts all runnable jobs).',
  );
  note(
    "loop stall ms: longest time this process's event loop could not run a timer during the run;",
  );
  note('  an HTTP request to an API in the same process would have waited about that long.');
  note(
    'check: every job ran exactly once (1 attempt, 1 handler run) or, for "first K", not at all.',
  );
  noteMachine();
  if (skipped) note(`PostgreSQL rows skipped: ${skipped}`);
  printFigures(figures);
  if (results.some((result) => result.runs.some((run) => !run.check.ok))) process.exitCode = 1;
}

export async function main(args: string[]): Promise<void> {
  const options: Options = {
    batchJobs: intArg(args, 'batch-jobs', 20_000),
    batchSize: intArg(args, 'batch-size', 1000),
    singleJobs: intArg(args, 'single-jobs', 2000),
    completeJobs: intArg(args, 'complete-jobs', 10_000),
    smallJobs: intArg(args, 'small-jobs', 1000),
    backlogJobs: intArg(args, 'backlog-jobs', 50_000),
    backlogFirst: intArg(args, 'backlog-first', 1000),
    timeoutMs: intArg(args, 'timeout-s', 45) * 1000,
  };
  const results: EngineResult[] = [await benchEngine('pglite', undefined, options)];
  const postgres = await createBenchDatabase();
  let skipped: string | undefined;
  if (postgres.ok) {
    try {
      results.push(await benchEngine('postgres', postgres.database.url, options));
    } finally {
      await postgres.database.drop();
    }
  } else {
    skipped = postgres.reason;
  }
  report(results, options, skipped);
}

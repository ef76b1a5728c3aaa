import { performance } from 'node:perf_hooks';
import {
  percentile,
  postBatches,
  probeWhile,
  startHearken,
  type HearkenProcess,
  type PostRun,
} from './lib/ingest-client.ts';
import { generateItems, type BenchBatch, type BenchData } from './lib/ingest-data.ts';
import type { Counts, Drained } from './lib/ingest-protocol.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  formatNumber,
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
  'Feedback ingest items/s: API batch accept (1 and 4 clients), normalisation, end-to-end, vs a plain INSERT';

/** The target for the public API, items accepted per second on PostgreSQL. */
const ACCEPT_TARGET_PER_S = 10_000;
const PROBE_INTERVAL_MS = 200;

interface Options {
  pgliteItems: number;
  postgresItems: number;
  batchSize: number;
  clients: number;
  timeoutMs: number;
}

type Engine = 'pglite' | 'postgres';

interface EngineResult {
  engine: Engine;
  items: number;
  data: Omit<BenchData, 'batches'>;
  warmup: PostRun;
  sequential: PostRun;
  concurrent: PostRun;
  drained: Drained;
  probe: { latencies: number[]; failures: number };
  counts: Counts;
  baseline: { rows: number; ms: number };
  /** First request (the warm-up) to the last item normalised, ms. */
  e2eMs: number;
  problems: string[];
}

/** One warm-up batch, then the rest split in two: half sent by one client, half by `clients`. */
function split(data: BenchData): { warmup: BenchBatch[]; one: BenchBatch[]; many: BenchBatch[] } {
  const [first, ...rest] = data.batches;
  const half = Math.ceil(rest.length / 2);
  return { warmup: first ? [first] : [], one: rest.slice(0, half), many: rest.slice(half) };
}

function check(result: Omit<EngineResult, 'problems'>): string[] {
  const { counts, items } = result;
  const problems: string[] = [];
  const runs = [result.warmup, result.sequential, result.concurrent];
  const failures = runs.reduce((sum, run) => sum + run.failures, 0);
  if (failures > 0) {
    const first = runs.find((run) => run.firstError)?.firstError ?? '';
    problems.push(`${failures} requests failed (first: ${first})`);
  }
  const accepted = runs.reduce((sum, run) => sum + run.accepted, 0);
  if (accepted !== items) problems.push(`accepted ${accepted} of ${items} items`);
  if (result.drained.timedOut) problems.push('normalisation timed out');
  if (counts.rawItems !== items) problems.push(`${counts.rawItems} raw items, expected ${items}`);
  if (counts.processed !== items) problems.push(`${counts.processed} raw items processed`);
  if (counts.feedback !== items) problems.push(`${counts.feedback} feedback rows`);
  if (counts.dead > 0 || counts.jobsDead > 0) {
    problems.push(`${counts.dead} dead raw items, ${counts.jobsDead} dead jobs`);
  }
  if (counts.jobsDone !== counts.jobs)
    problems.push(`${counts.jobsDone} of ${counts.jobs} jobs done`);
  if (result.baseline.rows !== items) problems.push(`baseline inserted ${result.baseline.rows}`);
  return problems;
}

async function benchEngine(
  engine: Engine,
  url: string | undefined,
  data: BenchData,
  options: Options,
): Promise<EngineResult> {
  const hearken: HearkenProcess = await startHearken(url);
  try {
    const { url: base, apiKey } = hearken.ready;
    const { warmup, one, many } = split(data);
    const { batches: _batches, ...stats } = data;
    progress(
      `${engine}: accept ${data.items} items (warm-up, 1 client, ${options.clients} clients)`,
    );
    const warm = await postBatches(base, apiKey, warmup, 1);
    const sequential = await postBatches(base, apiKey, one, 1);
    const concurrent = await postBatches(base, apiKey, many, options.clients);
    progress(`${engine}: normalise ${data.items} items with one worker`);
    const jobs = data.batches.length;
    const draining = hearken.request(
      { type: 'drain', jobs, timeoutMs: options.timeoutMs },
      'drained',
      options.timeoutMs + 30_000,
    );
    const probe = await probeWhile(base, apiKey, draining, PROBE_INTERVAL_MS);
    const drained = await draining;
    const { counts } = await hearken.request({ type: 'verify' }, 'verified', 60_000);
    progress(`${engine}: plain INSERT of the same ${counts.feedback} rows into feedback`);
    const baseline = await hearken.request(
      { type: 'baseline', batchSize: options.batchSize },
      'baseline-done',
      options.timeoutMs,
    );
    const partial = {
      engine,
      items: data.items,
      data: stats,
      warmup: warm,
      sequential,
      concurrent,
      drained,
      probe,
      counts,
      baseline,
      e2eMs: drained.endedAt - warm.startedAt,
    };
    return { ...partial, problems: check(partial) };
  } finally {
    await hearken.stop();
  }
}

const ratio = (value: number, floor: number) => (floor > 0 ? value / floor : Number.NaN);
const ms = (value: number) => `${formatNumber(value)} ms`;
const times = (value: number) => `${formatNumber(value, 2)}×`;

function report(results: EngineResult[], options: Options, skipped: string | undefined): void {
  const rows: Cell[][] = [];
  const checks: Cell[][] = [];
  const during: Cell[][] = [];
  const figures: Record<string, number | string | null> = {};
  for (const result of results) {
    const { engine, sequential, concurrent, drained, counts, baseline } = result;
    const plain = perSecond(baseline.rows, baseline.ms);
    const drainMs = drained.endedAt - drained.startedAt;
    const normalise = perSecond(counts.processed, drainMs);
    const seqRate = perSecond(sequential.items, sequential.ms);
    const manyRate = perSecond(concurrent.items, concurrent.ms);
    const e2e = perSecond(result.items, result.e2eMs);
    const accept = (label: string, run: PostRun, rate: number): Cell[] => [
      engine,
      label,
      run.requests,
      run.items,
      run.ms / 1000,
      rate,
      ms(percentile(run.latencies, 50)),
      ms(percentile(run.latencies, 99)),
      times(ratio(rate, plain)),
    ];
    rows.push(accept('API accept, 1 client', sequential, seqRate));
    rows.push(accept(`API accept, ${options.clients} clients`, concurrent, manyRate));
    rows.push([
      engine,
      'normalise, 1 worker (drain)',
      `${drained.completed} jobs`,
      counts.processed,
      drainMs / 1000,
      normalise,
      '—',
      '—',
      times(ratio(normalise, plain)),
    ]);
    rows.push([
      engine,
      'end-to-end, first request → last normalised',
      '—',
      result.items,
      result.e2eMs / 1000,
      e2e,
      '—',
      '—',
      times(ratio(e2e, plain)),
    ]);
    rows.push([
      engine,
      `plain INSERT into feedback, ${options.batchSize}/statement`,
      Math.ceil(baseline.rows / options.batchSize),
      baseline.rows,
      baseline.ms / 1000,
      plain,
      '—',
      '—',
      times(1),
    ]);
    const verdict = result.problems.length === 0 ? 'OK' : `FAILED: ${result.problems.join('; ')}`;
    checks.push([
      engine,
      result.items,
      [result.warmup, sequential, concurrent].reduce((sum, run) => sum + run.accepted, 0),
      counts.rawItems,
      counts.processed,
      counts.feedback,
      counts.dead,
      `${counts.jobsDone}/${counts.jobs}`,
      counts.jobsRetried,
      counts.contacts,
      counts.accounts,
      verdict,
    ]);
    const probes = result.probe.latencies;
    during.push([
      engine,
      probes.length,
      ms(percentile(probes, 50)),
      ms(percentile(probes, 99)),
      ms(Math.max(...probes)),
      result.probe.failures,
      ms(drained.stallMs),
    ]);
    Object.assign(figures, {
      [`${engine}_accept_per_s`]: manyRate,
      [`${engine}_accept_p50_ms`]: percentile(concurrent.latencies, 50),
      [`${engine}_accept_p99_ms`]: percentile(concurrent.latencies, 99),
      [`${engine}_accept_1client_per_s`]: seqRate,
      [`${engine}_accept_1client_p50_ms`]: percentile(sequential.latencies, 50),
      [`${engine}_accept_1client_p99_ms`]: percentile(sequential.latencies, 99),
      [`${engine}_normalise_per_s`]: drained.timedOut ? null : normalise,
      [`${engine}_e2e_per_s`]: drained.timedOut ? null : e2e,
      [`${engine}_plain_insert_per_s`]: plain,
      [`${engine}_accept_vs_plain`]: ratio(manyRate, plain),
      [`${engine}_e2e_vs_plain`]: drained.timedOut ? null : ratio(e2e, plain),
      [`${engine}_drain_api_max_ms`]: Math.max(...probes),
      [`${engine}_drain_loop_stall_ms`]: drained.stallMs,
    });
  }
  printTable(
    `Ingest: POST /api/v1/feedback in batches of ${options.batchSize}, then normalisation`,
    ['engine', 'measure', 'requests', 'items', 'seconds', 'items/s', 'p50', 'p99', 'vs plain'],
    rows,
  );
  printTable(
    'Check after normalisation (counted in the database)',
    [
      'engine',
      'sent',
      'accepted',
      'raw items',
      'processed',
      'feedback',
      'dead',
      'jobs done',
      'retried',
      'contacts',
      'accounts',
      'result',
    ],
    checks,
  );
  printTable(
    `API during normalisation: GET /api/v1/me every ${PROBE_INTERVAL_MS} ms, same process as the worker`,
    ['engine', 'requests', 'p50', 'p99', 'max', 'failed', 'worker loop stall'],
    during,
  );
  const postgres = results.find((result) => result.engine === 'postgres');
  note(
    `API: buildApp(ctx) alone in its own Node process (bench/lib/ingest-server.ts), LOG_LEVEL=warn,`,
  );
  note(
    '  agent API key; load from this process over loopback (fetch, bodies serialised beforehand).',
  );
  note(
    `items: 1 warm-up batch, then half sent by 1 client, half by ${options.clients} clients; p50/p99 per request`,
  );
  note('  (nearest rank: with few requests p99 is the slowest one).');
  for (const { engine, data } of results) {
    note(
      `${engine} data: ${formatNumber(data.items)} items, ${formatNumber(data.contacts)} contact addresses on ` +
        `${data.domains} company domains + gmail.com; text mean ${formatNumber(data.meanText)} chars; ` +
        `${formatNumber(data.bytes / 1024 / 1024)} MB of JSON`,
    );
  }
  note(
    '  (seeded: texts 80–300 chars, NPS on 85 %, 10 % gmail.com, name on 60 %, item externalId on',
  );
  note('  40 %, CRM account externalId on the items of 1 customer in 5, metadata on half).');
  note(
    'normalise: then one Worker (registry: normaliseJob only; product defaults: concurrency 4, poll',
  );
  note(
    '  250 ms, lease 60 s) in the API process drains the jobs (one per request); timed from start to',
  );
  note('  the last job done. end-to-end: from the warm-up request to the last item normalised.');
  note('plain INSERT: the same feedback rows (text, score, contact, account) inserted again by');
  note(
    `  db.insert(feedback).values(${options.batchSize} rows), same table, indexes (incl. trigram GIN) and FKs.`,
  );
  note('vs plain: items/s as a multiple of the plain INSERT rate on the same engine.');
  note('PGlite in memory; PostgreSQL: a private database, pool of 10.');
  if (postgres) {
    const rates = [postgres.sequential, postgres.concurrent].map((run) =>
      perSecond(run.items, run.ms),
    );
    const verdict = rates.every((rate) => rate >= ACCEPT_TARGET_PER_S) ? 'met' : 'NOT met';
    note(
      `target: API batch ingest ≥ ${formatNumber(ACCEPT_TARGET_PER_S)} items/s on PostgreSQL: ${verdict} ` +
        `(${formatNumber(rates[0] ?? 0)} with 1 client, ${formatNumber(rates[1] ?? 0)} with ${options.clients}).`,
    );
  }
  note('load generator, API/worker and PostgreSQL share the same cores.');
  noteMachine();
  if (skipped) note(`PostgreSQL rows skipped: ${skipped}`);
  printFigures(figures);
  if (results.some((result) => result.problems.length > 0)) process.exitCode = 1;
}

export async function main(args: string[]): Promise<void> {
  const options: Options = {
    pgliteItems: intArg(args, 'pglite-items', 12_000),
    postgresItems: intArg(args, 'postgres-items', 50_000),
    batchSize: intArg(args, 'batch-size', 1000),
    clients: intArg(args, 'clients', 4),
    timeoutMs: intArg(args, 'timeout-s', 120) * 1000,
  };
  if (options.batchSize > 1000) throw new Error('--batch-size is at most 1000 (the API limit)');
  for (const [flag, items] of [
    ['pglite-items', options.pgliteItems],
    ['postgres-items', options.postgresItems],
  ] as const) {
    // A warm-up batch, then at least one batch for each of the two accept runs.
    if (items < 3 * options.batchSize) {
      throw new Error(`--${flag} must be at least 3 batches (${3 * options.batchSize} items)`);
    }
  }
  const started = performance.now();
  const results: EngineResult[] = [];
  const pgliteData = generateItems(options.pgliteItems, options.batchSize);
  results.push(await benchEngine('pglite', undefined, pgliteData, options));
  const postgres = await createBenchDatabase();
  let skipped: string | undefined;
  if (postgres.ok) {
    try {
      const data = generateItems(options.postgresItems, options.batchSize);
      results.push(await benchEngine('postgres', postgres.database.url, data, options));
    } finally {
      await postgres.database.drop();
    }
  } else {
    skipped = postgres.reason;
  }
  report(results, options, skipped);
  progress(`done in ${formatNumber((performance.now() - started) / 1000)} s`);
}

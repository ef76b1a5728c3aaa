import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SurveyServerReady } from './lib/survey-server.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import { steadyLoad } from './lib/steady-load.ts';
import {
  flagArg,
  intArg,
  note,
  noteMachine,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';
import type { Cell } from './lib/report.ts';

export const description =
  'Survey answer submission at a fixed rate (default 300 req/s, 30 s): p50/p99 and errors, JSON API and no-JS form, PGlite and PostgreSQL';

const SERVER_SCRIPT = fileURLToPath(new URL('./lib/survey-server.ts', import.meta.url));

interface Scenario {
  key: 'json' | 'form';
  label: string;
  request(
    token: string,
    i: number,
  ): { path: string; headers: Record<string, string>; body: string };
  /** The status a good submission answers with. */
  expected: number;
}

// Each request is a new respondent's first page (a new response), so none is a no-op duplicate.
const SCENARIOS: Scenario[] = [
  {
    key: 'json',
    label: 'POST /api/v1/s/:token/responses (JSON)',
    expected: 201,
    request: (token, i) => ({
      path: `/api/v1/s/${token}/responses`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { nps: i % 11 } }),
    }),
  },
  {
    key: 'form',
    label: 'POST /s/:token (HTML form, 303)',
    expected: 303,
    request: (token, i) => ({
      path: `/s/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `q=nps&lang=en&a=${i % 11}`,
    }),
  },
];

interface Server {
  ready: SurveyServerReady;
  stop(): Promise<Record<string, number>>;
}

function startServer(databaseUrl: string | undefined, apiOnly: boolean): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      SERVER_SCRIPT,
      ...(databaseUrl ? [databaseUrl] : []),
      ...(apiOnly ? ['--api-only'] : []),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the survey server was not ready within 60 s'));
    }, 60_000);
    child.once('exit', (code) => reject(new Error(`the survey server exited with ${code}`)));
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({
        ready: message as SurveyServerReady,
        stop: () =>
          new Promise((done) => {
            child.once('message', (stopped) => done(stopped as Record<string, number>));
            child.send('stop');
          }),
      });
    });
  });
}

interface Measured {
  engine: string;
  scenario: Scenario;
  p50: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  errors: number;
}

async function run(url: string, token: string, scenario: Scenario, rate: number, seconds: number) {
  const result = await steadyLoad({
    origin: url,
    rate,
    seconds,
    connections: 20,
    expectedStatus: scenario.expected,
    request: (i) => ({ method: 'POST', ...scenario.request(token, i) }),
  });
  if (result.firstError) note(`${scenario.key}: first error: ${result.firstError}`);
  return {
    p50: result.p50,
    p99: result.p99,
    max: result.max,
    rps: result.answeredPerSecond,
    requests: result.sent,
    errors: result.errors,
  };
}

async function benchEngine(
  engine: string,
  databaseUrl: string | undefined,
  rate: number,
  seconds: number,
  apiOnly: boolean,
) {
  const server = await startServer(databaseUrl, apiOnly);
  const results: Measured[] = [];
  try {
    for (const scenario of SCENARIOS) {
      progress(`${engine}: ${scenario.label} at ${rate} req/s for ${seconds} s (+ 2 s warm-up)`);
      await run(server.ready.url, server.ready.surveyToken, scenario, rate, 2);
      const measured = await run(
        server.ready.url,
        server.ready.surveyToken,
        scenario,
        rate,
        seconds,
      );
      results.push({ engine, scenario, ...measured });
    }
    // Give the worker a moment to catch up, so the totals show what normalisation kept up with.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } catch (error) {
    await server.stop();
    throw error;
  }
  const counts = await server.stop();
  return { results, counts };
}

export async function main(args: string[]): Promise<void> {
  const rate = intArg(args, 'rate', 300);
  const seconds = intArg(args, 'seconds', 30);
  // As HEARKEN_ROLES=api: no worker in the server process (another process would normalise).
  const apiOnly = flagArg(args, 'api-only');
  const all: Measured[] = [];
  const backlog: string[] = [];
  const pglite = await benchEngine('pglite', undefined, rate, seconds, apiOnly);
  all.push(...pglite.results);
  backlog.push(`pglite: ${JSON.stringify(pglite.counts)}`);
  const postgres = await createBenchDatabase();
  let skipped: string | undefined;
  if (postgres.ok) {
    try {
      const measured = await benchEngine('postgres', postgres.database.url, rate, seconds, apiOnly);
      all.push(...measured.results);
      backlog.push(`postgres: ${JSON.stringify(measured.counts)}`);
    } finally {
      await postgres.database.drop();
    }
  } else skipped = postgres.reason;

  const rows: Cell[][] = all.map((m) => [
    m.engine,
    m.scenario.label,
    m.rps,
    `${m.p50.toFixed(1)} ms`,
    `${m.p99.toFixed(1)} ms`,
    `${m.max.toFixed(0)} ms`,
    m.requests,
    m.errors,
  ]);
  printTable(
    `Survey answer submission at ${rate} req/s, ${seconds} s per row, loopback`,
    ['engine', 'request', 'req/s', 'p50', 'p99', 'max', 'requests', 'errors'],
    rows,
  );
  note('each request is a new respondent’s first answer: a new response, its raw item and a');
  note(
    apiOnly
      ? '  normalisation job in one statement; no worker runs (--api-only), jobs wait in the queue.'
      : '  normalisation job in one statement; the worker normalises in the same process meanwhile.',
  );
  note(
    `server: ${apiOnly ? 'API role alone' : 'API + worker roles in one Node process'}, LOG_LEVEL=warn, rate limit lifted;`,
  );
  note(
    '  PGlite in memory; PostgreSQL: a private database, pool of 10. Load: steady arrivals (open loop), up to 20 connections.',
  );
  note(
    `totals after the run (responses, processed raw items, survey feedback): ${backlog.join('; ')}`,
  );
  note('a request leaves every 1/rate s whether or not earlier ones were answered; latency counts');
  note(
    '  from when it was due to leave, so a stalled server shows as latency (no coordinated omission).',
  );
  note('load generator, server and PostgreSQL share the same 2 cores.');
  noteMachine();
  if (skipped) note(`PostgreSQL rows skipped: ${skipped}`);
  const figures: Record<string, number> = {};
  for (const m of all) {
    figures[`${m.engine}_${m.scenario.key}_p50_ms`] = m.p50;
    figures[`${m.engine}_${m.scenario.key}_p99_ms`] = m.p99;
    figures[`${m.engine}_${m.scenario.key}_errors`] = m.errors;
  }
  printFigures(figures);
  if (all.some((m) => m.errors > 0)) process.exitCode = 1;
}

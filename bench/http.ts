import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ServerReady } from './lib/http-server.ts';
import { createBenchDatabase } from './lib/postgres.ts';
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
  'HTTP req/s and p50/p99 for GET /api/v1/me (API key, session cookie) and /healthz, PGlite and PostgreSQL';

const SERVER_SCRIPT = fileURLToPath(new URL('./lib/http-server.ts', import.meta.url));

interface Scenario {
  key: string;
  label: string;
  path: string;
  headers(server: ServerReady): Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  { key: 'healthz', label: 'GET /healthz (floor)', path: '/healthz', headers: () => ({}) },
  {
    key: 'me_apikey',
    label: 'GET /api/v1/me, API key',
    path: '/api/v1/me',
    headers: (server) => ({ authorization: `Bearer ${server.apiKey}` }),
  },
  {
    key: 'me_cookie',
    label: 'GET /api/v1/me, session cookie',
    path: '/api/v1/me',
    headers: (server) => ({ cookie: server.cookie }),
  },
];

interface Measured {
  engine: string;
  label: string;
  key: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

interface Server {
  ready: ServerReady;
  stop(): Promise<void>;
}

/** Starts the API role in its own process; `logLevel` info sends its logs to /dev/null. */
function startServer(logLevel: string, databaseUrl: string | undefined): Promise<Server> {
  const args = ['--import', 'tsx', SERVER_SCRIPT, logLevel, ...(databaseUrl ? [databaseUrl] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', logLevel === 'info' ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the API process was not ready within 60 s'));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited with code ${code} before it was ready`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        ready: message as ServerReady,
        async stop() {
          child.send('stop');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** One request per scenario first, so a broken route fails loudly instead of benchmarking 401s. */
async function sanityCheck(server: ServerReady): Promise<void> {
  for (const scenario of SCENARIOS) {
    const response = await fetch(server.url + scenario.path, { headers: scenario.headers(server) });
    if (response.status !== 200) {
      throw new Error(`${scenario.label} answered ${response.status}: ${await response.text()}`);
    }
  }
}

async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
) {
  return autocannon({ url, headers, connections, duration: seconds });
}

async function benchEngine(
  engine: string,
  databaseUrl: string | undefined,
  scenarios: { scenario: Scenario; logLevel: string }[],
  connections: number,
  seconds: number,
): Promise<Measured[]> {
  const results: Measured[] = [];
  for (const logLevel of [...new Set(scenarios.map((entry) => entry.logLevel))]) {
    const server = await startServer(logLevel, databaseUrl);
    try {
      await sanityCheck(server.ready);
      for (const { scenario } of scenarios.filter((entry) => entry.logLevel === logLevel)) {
        const url = server.ready.url + scenario.path;
        const headers = scenario.headers(server.ready);
        const label = scenario.label + (logLevel === 'info' ? ', LOG_LEVEL=info' : '');
        progress(`${engine}: ${label} (${connections} connections, ${seconds} s + 1 s warm-up)`);
        await load(url, headers, connections, 1);
        const result = await load(url, headers, connections, seconds);
        results.push({
          engine,
          label,
          key: scenario.key + (logLevel === 'info' ? '_loginfo' : ''),
          rps: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      }
      // Let handlers of requests autocannon abandoned at the end finish before the pool closes.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await server.stop();
    }
  }
  return results;
}

export async function main(args: string[]): Promise<void> {
  const connections = intArg(args, 'connections', 32);
  const seconds = intArg(args, 'seconds', 10);
  const withInfoLogs = !flagArg(args, 'no-info-logs');
  const base = SCENARIOS.map((scenario) => ({ scenario, logLevel: 'warn' }));
  const scenarios = withInfoLogs
    ? [...base, { scenario: SCENARIOS[1] as Scenario, logLevel: 'info' }]
    : base;

  const results = await benchEngine('pglite', undefined, scenarios, connections, seconds);
  const postgres = await createBenchDatabase();
  let skipped: string | undefined;
  if (postgres.ok) {
    try {
      results.push(
        ...(await benchEngine('postgres', postgres.database.url, scenarios, connections, seconds)),
      );
    } finally {
      await postgres.database.drop();
    }
  } else {
    skipped = postgres.reason;
  }

  const rows: Cell[][] = results.map((result) => [
    result.engine,
    result.label,
    result.rps,
    `${result.p50} ms`,
    `${result.p99} ms`,
    result.requests,
    result.failures,
  ]);
  printTable(
    `HTTP: API role alone, ${connections} connections, ${seconds} s per row, loopback`,
    ['engine', 'request', 'req/s', 'p50', 'p99', 'requests', 'non-2xx/errors'],
    rows,
  );
  note('server: buildApp(ctx) in its own Node process (no worker, no scheduler), LOG_LEVEL=warn;');
  note(
    '  PGlite in memory; PostgreSQL: a private database, pool of 10. Load: autocannon in this process.',
  );
  note('each row follows a 1 s warm-up; API key role viewer; cookie = a signed-in owner session.');
  if (withInfoLogs) note('LOG_LEVEL=info row: the default log level, logs written to /dev/null.');
  note(
    'load generator, server and PostgreSQL share the same 2 cores: figures are a floor, not a ceiling.',
  );
  noteMachine();
  if (skipped) note(`PostgreSQL rows skipped: ${skipped}`);
  const figures: Record<string, number> = {};
  for (const result of results) {
    figures[`${result.engine}_${result.key}_rps`] = result.rps;
    figures[`${result.engine}_${result.key}_p50_ms`] = result.p50;
    figures[`${result.engine}_${result.key}_p99_ms`] = result.p99;
  }
  printFigures(figures);
  if (results.some((result) => result.failures > 0)) process.exitCode = 1;
}

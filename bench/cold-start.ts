import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  flagArg,
  intArg,
  median,
  note,
  noteMachine,
  printFigures,
  printTable,
} from './lib/report.ts';
import type { Cell } from './lib/report.ts';

export const description =
  'Cold and warm start to /readyz 200 on PGlite (server process ×N, and `npm start` once)';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const POLL_MS = 50;
const READY_TIMEOUT_MS = 90_000;
/** Settings the bench controls; any inherited value would change what is measured. */
const CONTROLLED = [
  'DATABASE_URL',
  'HEARKEN_ROLES',
  'PORT',
  'HOST',
  'DATA_DIR',
  'LOG_LEVEL',
  'PUBLIC_URL',
];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(command: string, args: string[], dataDir: string, port: number): Started {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of CONTROLLED) delete env[key];
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  // Its own process group, so `npm start` (npm → sh → tsx → node) can be stopped as a whole.
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

/** Polls /readyz every 50 ms; resolves with ms from `since` to the first 200. */
async function waitReady(started: Started, port: number, since: number): Promise<number> {
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code ?? -1));
  while (performance.now() - since < READY_TIMEOUT_MS) {
    if (exitCode !== undefined) {
      throw new Error(
        `exited with code ${exitCode} before it was ready:\n${started.output().trim()}`,
      );
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM to the process group, as a service manager would; returns ms until it exited. */
async function stop(started: Started): Promise<number> {
  const pid = started.child.pid;
  if (pid === undefined) return 0;
  const since = performance.now();
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const killer = setTimeout(() => signal('SIGKILL'), 20_000);
  await started.exited;
  clearTimeout(killer);
  return performance.now() - since;
}

interface Timing {
  readyMs: number;
  stopMs: number;
}

async function startOnce(command: string, args: string[], dataDir: string): Promise<Timing> {
  const port = await freePort();
  const since = performance.now();
  const started = launch(command, args, dataDir, port);
  try {
    const readyMs = await waitReady(started, port, since);
    return { readyMs, stopMs: await stop(started) };
  } catch (error) {
    await stop(started);
    throw error;
  }
}

export async function main(args: string[]): Promise<void> {
  const repeats = intArg(args, 'repeats', 3);
  const withNpmStart = !flagArg(args, 'skip-npm-start');
  const cold: Timing[] = [];
  const warm: Timing[] = [];
  for (let run = 1; run <= repeats; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearken-bench-start-'));
    try {
      process.stderr.write(`  … run ${run}/${repeats}: cold start, then warm start (${dataDir})\n`);
      cold.push(await startOnce(TSX, ['server/main.ts'], dataDir));
      warm.push(await startOnce(TSX, ['server/main.ts'], dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  let npmStart: Timing | undefined;
  let npmStartProblem: string | undefined;
  if (withNpmStart) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearken-bench-npm-start-'));
    try {
      process.stderr.write('  … `npm start` (web build, then server) on an empty data directory\n');
      npmStart = await startOnce('npm', ['start', '--silent'], dataDir);
    } catch (error) {
      npmStartProblem = (error instanceof Error ? error.message : String(error))
        .split('\n')
        .slice(0, 6)
        .join(' | ');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const seconds = (values: number[]) => values.map((value) => (value / 1000).toFixed(2)).join(', ');
  const row = (label: string, runs: Timing[]): Cell[] => {
    const ready = runs.map((run) => run.readyMs);
    const stops = runs.map((run) => run.stopMs);
    return [
      label,
      runs.length,
      Math.min(...ready) / 1000,
      median(ready) / 1000,
      seconds(ready),
      median(stops) / 1000,
    ];
  };
  const rows: Cell[][] = [
    row('server, cold (empty DATA_DIR)', cold),
    row('server, warm (same DATA_DIR)', warm),
  ];
  if (npmStart) rows.push(row('npm start, cold (web build + server)', [npmStart]));
  else if (withNpmStart)
    rows.push(['npm start, cold (web build + server)', 0, null, null, 'unavailable', null]);
  printTable(
    'Start to /readyz 200 on embedded PGlite (seconds)',
    ['start', 'runs', 'min s', 'median s', 'each run s', 'SIGTERM→exit s'],
    rows,
  );
  note('"server": the server process itself, `node_modules/.bin/tsx server/main.ts`, all roles,');
  note(
    '  DATA_DIR=<fresh temp dir>, LOG_LEVEL=warn; timed from spawn to the first 200 from /readyz,',
  );
  note(
    `  polled every ${POLL_MS} ms. Warm = a second start on the directory the cold start created.`,
  );
  note('"npm start": the product command, which runs `npm run build:web` first, then the server.');
  if (npmStartProblem) note(`npm start unavailable: ${npmStartProblem}`);
  noteMachine();
  printFigures({
    pglite_cold_start_min_s: Math.min(...cold.map((run) => run.readyMs)) / 1000,
    pglite_cold_start_median_s: median(cold.map((run) => run.readyMs)) / 1000,
    pglite_warm_start_min_s: Math.min(...warm.map((run) => run.readyMs)) / 1000,
    pglite_warm_start_median_s: median(warm.map((run) => run.readyMs)) / 1000,
    stop_median_s: median([...cold, ...warm].map((run) => run.stopMs)) / 1000,
    npm_start_cold_s: npmStart ? npmStart.readyMs / 1000 : null,
  });
}

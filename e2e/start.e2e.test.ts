import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, startProcess, waitForReady, type RunningProcess } from './helpers/processes.ts';

/**
 * The fresh-clone check: the README's start command, on an empty data directory, serves the
 * dashboard, the API docs and /readyz, prints the one-time setup link, and stops cleanly.
 * CI runs this in a clean clone right after `npm ci`.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'hearken-start-'));
let server: RunningProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('`npm start` on an empty data directory becomes ready, prints a setup link and stops on SIGTERM', async () => {
  const port = await freePort();
  // DATABASE_URL is cleared so this runs the default embedded PGlite, as a new user would.
  server = startProcess(
    'npm',
    ['start'],
    { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    true,
  );
  const base = `http://127.0.0.1:${port}`;
  const readyMs = await waitForReady(base, 180_000);
  const [, link] = await server.waitForOutput(
    /(http:\/\/localhost:\d+\/setup\?token=[\w-]+)/,
    10_000,
  );
  expect(link).toContain(`localhost:${port}/setup?token=`);

  const home = await fetch(`${base}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('<div id="root">');
  expect((await fetch(`${base}/api/docs/json`)).status).toBe(200);
  const status = await (await fetch(`${base}/api/v1/setup/status`)).json();
  expect(status).toEqual({ needsSetup: true });
  expect(readyMs).toBeLessThan(180_000);

  const exitCode = await server.stop('SIGTERM');
  expect(exitCode === 0 || exitCode === null).toBe(true);
}, 240_000);

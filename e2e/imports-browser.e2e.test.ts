import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner } from './helpers/owner-session.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-imports-browser-'));
let server: RunningProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  // The real server (api, worker and scheduler) serving the built dashboard (CI builds it first).
  server = startTsx('server/main.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForReady(base);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const CSV = [
  'Response ID,Person Email,Score,Comment,Response Timestamp',
  '1,ana@initech.example,10,Loved the onboarding,2024-03-05 14:22:10 -0800',
  '2,bo@initech.example,eleven,Odd score,2024-03-06 09:00:00 -0800',
  '3,cy@initech.example,4,Too slow to answer,2024-03-06 10:00:00 -0800',
].join('\n');

it('uploads a file on the Imports page, previews it, imports it and shows the progress and bad rows', async () => {
  // Setup through the API (the setup page has its own browser test), then the dashboard as that owner.
  const owner = await setUpOwner(server, base, 'Imports Co');
  const post = await owner.api('POST', `/workspaces/${owner.workspaceId}/listening-posts`, {
    kind: 'import',
    name: 'Delighted history',
  });
  expect(post.status).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = owner.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/w/${owner.workspaceId}`);

  await page.getByRole('link', { name: 'Imports', exact: true }).first().click();
  await page
    .getByLabel('Listening post', { exact: true })
    .selectOption({ label: 'Delighted history' });
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'delighted.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await expect
    .poll(() => page.locator('.import-detected').innerText(), { timeout: 15_000 })
    .toMatch(/CSV · utf-8 · delimiter "," · looks like a Delighted export/);
  const sample = page.getByRole('table', { name: 'First rows as they will be imported' });
  await expect
    .poll(() => sample.innerText())
    .toMatch(/Loved the onboarding[\s\S]*Too slow to answer/);
  expect(await page.locator('.import-preview .import-errors').innerText()).toMatch(
    /Line 3: .*eleven/,
  );

  await page.getByRole('button', { name: 'Import delighted.csv' }).click();
  const card = page.locator('.import-card').first();
  await expect.poll(() => card.innerText(), { timeout: 30_000 }).toMatch(/Done/);
  expect(await card.innerText()).toMatch(/3 rows read · 2 stored · 0 already there · 1 bad/);
  await card.getByText('1 bad row').click();
  expect(await card.innerText()).toMatch(/Line 3: .*eleven/);

  // The same file again adds nothing, and the page says so.
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'delighted.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await page.getByRole('button', { name: 'Import delighted.csv' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'already imported' }).count())
    .toBe(1);
}, 120_000);

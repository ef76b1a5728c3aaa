import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner } from './helpers/owner-session.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-cases-browser-'));
let server: RunningProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = startTsx('server/main.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForReady(base);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('opens a case from the inbox, works it through the loop and reads well on a phone', async () => {
  const owner = await setUpOwner(server, base, 'Cases Co');
  const ws = owner.workspaceId;
  const sent = await owner.api('POST', `/workspaces/${ws}/feedback`, {
    text: 'The invoice export has failed three times this week.',
    score: { type: 'nps', value: 2 },
    contact: { email: 'ana@initech.example', name: 'Ana Lima' },
  });
  expect(sent.status).toBeLessThan(300);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = owner.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/w/${ws}/inbox`);
  const open = page.getByRole('button', { name: 'Open case' });
  await expect.poll(() => open.count(), { timeout: 30_000 }).toBe(1);
  await open.click();

  await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Case #1: The invoice export/);
  await expect
    .poll(() => page.locator('.case-quote').innerText())
    .toBe('The invoice export has failed three times this week.');
  expect(await page.getByText('Ana Lima').count()).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Move to Process' }).click();
  await expect.poll(() => page.locator('[aria-current="step"]').innerText()).toBe('Process');

  await page.getByLabel('Internal comment').fill('@ada can you check the export job?');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect
    .poll(() => page.locator('.case-comment').innerText())
    .toBe('@ada can you check the export job?');

  await page.getByLabel('New action').fill('Stream large invoice exports');
  await page.getByRole('button', { name: 'Add and link' }).click();
  await expect.poll(() => page.locator('.case-actions').innerText()).toMatch(/Stream large/);

  await page.getByRole('button', { name: 'Close case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close case #1' });
  expect(await dialog.getByLabel('Outcome').inputValue()).toBe('resolved');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The queue: my case first, with its stage.
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect.poll(() => page.locator('.case-card').first().innerText()).toMatch(/#1 The invoice/);
  expect(await page.locator('.case-card .case-stage').first().innerText()).toBe('Process');

  // Phone width: cards, and nothing needs scrolling sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['cases?overdue=true', 'cases']) {
    await page.goto(`${base}/w/${ws}/${path}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Cases');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await page.locator('.case-card-title').first().click();
  await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Case #1/);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
}, 180_000);

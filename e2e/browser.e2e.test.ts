import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-browser-'));
let server: RunningProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  // The real server on a fresh embedded database, serving the built dashboard (CI builds it first).
  server = startTsx('server/main.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForReady(base);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('signs up through the setup link, creates an API key and sees it listed', async () => {
  const [link] = (await server.waitForOutput(
    /http:\/\/localhost:\d+\/setup\?token=[\w-]+/,
  )) as unknown as [string];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(link);

  await page.getByLabel('Your name', { exact: true }).fill('Ada Owner');
  await page.getByLabel('Email', { exact: true }).fill('ada@example.test');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Workspace name', { exact: true }).fill('Browser Co');
  await page.getByRole('button', { name: 'Create workspace and sign in' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}/);

  await page.getByRole('link', { name: 'API keys', exact: true }).first().click();
  await page.getByLabel('Key name', { exact: true }).fill('Zapier import');
  await page.getByLabel('Role', { exact: true }).selectOption('agent');
  await page.getByRole('button', { name: 'Create key' }).click();

  // The secret is shown once, in a read-only field with a copy button.
  const secret = page.getByLabel('API key secret', { exact: true });
  await expect
    .poll(async () => (await secret.isVisible()) && (await secret.inputValue()), {
      timeout: 10_000,
    })
    .toMatch(/^hk_[\w-]{43}$/);
  const row = page.getByRole('row').filter({ hasText: 'Zapier import' });
  await expect.poll(async () => row.count(), { timeout: 10_000 }).toBe(1);
  expect((await row.innerText()).toLowerCase()).toContain('agent');

  // The key works against the API, exactly as shown once.
  const secretText = await secret.inputValue();
  const me = await fetch(`${base}/api/v1/me`, {
    headers: { authorization: `Bearer ${secretText}` },
  });
  expect(me.status).toBe(200);
  expect((await me.json()).apiKey.name).toBe('Zapier import');

  // Hostile feedback is stored verbatim and shown as text: no script runs, no handler fires.
  const hostile = [
    '<script>window.__pwned = 1</script> refund now',
    '<img src=x onerror="window.__pwned = 2"> broken parcel',
  ];
  const sent = await fetch(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretText}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: hostile.map((text) => ({ text })) }),
  });
  expect(sent.status).toBe(202);
  const workspaceUrl = page.url().match(/^.*\/w\/[0-9a-f-]{36}/)?.[0] ?? '';
  const shown = page.getByText(hostile[0]!, { exact: false });
  // Normalisation runs in the background worker: reload the filtered inbox until the item is there.
  await expect
    .poll(
      async () => {
        await page.goto(`${workspaceUrl}/inbox?q=${encodeURIComponent('refund now')}`);
        await page.waitForLoadState('networkidle');
        return shown.count();
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBeGreaterThan(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
  await page.close();
}, 120_000);

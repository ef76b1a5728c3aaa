import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifySignature } from '../server/modules/alerts/signature.ts';
import { startReceiver, type Receiver } from '../server/modules/alerts/receiver.test-helper.ts';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner } from './helpers/owner-session.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-alerts-browser-'));
let server: RunningProcess;
let browser: Browser;
let receiver: Receiver;
let base: string;

beforeAll(async () => {
  receiver = await startReceiver();
  const port = await freePort();
  base = `http://localhost:${port}`;
  // The real server serving the built dashboard; the webhook receiver is on 127.0.0.1, so the
  // operator setting that allows private addresses is on.
  server = startTsx('server/main.ts', {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    OUTBOUND_ALLOW_PRIVATE: 'true',
  });
  await waitForReady(base);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('adds a rule with a signed webhook on the Alerts page, shows its secret once and sends a test', async () => {
  const owner = await setUpOwner(server, base, 'Alerts Co');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = owner.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/w/${owner.workspaceId}`);
  await page.getByRole('link', { name: 'Alerts', exact: true }).first().click();
  await expect.poll(() => page.locator('h1').innerText()).toBe('Alerts');
  await expect.poll(() => page.getByText('No open alerts.').count()).toBe(1);
  await expect.poll(() => page.getByText('No spikes found.').count()).toBe(1);

  await page.getByRole('button', { name: 'Add rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an alert rule' });
  await dialog.getByLabel('Name', { exact: true }).fill('Unhappy customers');
  await dialog.getByLabel('Highest score that fires').fill('6');
  await dialog.getByLabel('negative', { exact: true }).check();
  await dialog.getByLabel('Keywords').fill('refund, cancel my account');
  await dialog.getByLabel('Send by').selectOption('webhook');
  await dialog.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hearken`);
  await dialog.getByRole('button', { name: 'Add rule' }).click();

  const heading = page.getByRole('heading', { name: 'Copy the webhook signing secret now' });
  await expect.poll(() => heading.count()).toBe(1);
  expect(await heading.evaluate((node) => node === document.activeElement)).toBe(true);
  const secret = await page.getByLabel('Signing secret 1').inputValue();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole('button', { name: 'I have saved it' }).click();

  const rule = page.locator('.rule-item').first();
  await expect.poll(() => rule.innerText()).toMatch(/Unhappy customers/);
  const text = await rule.innerText();
  expect(text).toMatch(/Score ≤ 6/);
  expect(text).toMatch(/Sentiment: negative/);
  expect(text).toMatch(/Words: refund, cancel my account/);
  expect(text).toMatch(/Webhook \(signed\)/);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole('button', { name: 'Send a test of Unhappy customers' }).click();
  await expect.poll(() => rule.innerText()).toMatch(/Test by Webhook: sent \(delivered\)/);
  const [request] = receiver.requests.filter((r) => r.path === '/hearken');
  expect(request?.headers['x-hearken-event']).toBe('alert.test');
  expect(
    verifySignature(secret, request!.body, String(request!.headers['x-hearken-signature'])),
  ).toEqual({ ok: true });

  // Keyboard: the rule turns off from its focused button.
  await page.getByRole('button', { name: 'Turn off rule Unhappy customers' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => rule.locator('.badge').first().innerText()).toBe('Off');

  // Phone width: nothing needs scrolling sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
}, 120_000);

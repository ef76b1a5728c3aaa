import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner, type OwnerSession } from './helpers/owner-session.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-analysis-browser-'));
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

const PRAISE =
  'Sam was brilliant and sorted out my account in minutes. The delivery took three weeks though.';
const HAPPY = 'Great product, I love the new reporting dashboard.';
const HOSTILE =
  '<img src=x onerror="window.__pwned = 1"> The parcel arrived broken and the delivery was late.';

/** Enough items on a few subjects for themes to form (clusters need five or more items). */
function corpus(): string[] {
  const delivery = [
    'The delivery was late again and the parcel arrived broken.',
    'Late delivery, the parcel was damaged in transit.',
    'My parcel arrived broken after a late delivery.',
    'Delivery was two weeks late and the box was broken.',
    'Another late delivery, and the parcel was crushed.',
    'The parcel came broken, delivery took far too long.',
    'Slow delivery and a broken parcel, very disappointing.',
    'The delivery is always late and parcels arrive damaged.',
  ];
  const refund = [
    'I am still waiting for my refund after a month.',
    'The refund never arrived, support keeps saying wait.',
    'Refund requests take forever to process.',
    'Still no refund for my cancelled order.',
    'Your refund process is painfully slow.',
    'I asked for a refund three times and heard nothing.',
    'Where is my refund? It has been six weeks.',
  ];
  const reports = [
    'The reporting dashboard is fantastic and saves me hours.',
    'Love the reporting dashboard, the charts are clear.',
    'The new reporting dashboard makes monthly reviews easy.',
    'Reporting dashboard exports are great for our board.',
    'The reporting dashboard is the best feature you have.',
    'Our team uses the reporting dashboard every morning.',
  ];
  return [PRAISE, HAPPY, HOSTILE, ...delivery, ...refund, ...reports];
}

async function ingest(owner: OwnerSession): Promise<void> {
  const person = await owner.api('POST', `/workspaces/${owner.workspaceId}/staff-people`, {
    name: 'Samantha Reed',
    nicknames: ['Sam'],
  });
  expect(person.status).toBe(201);
  const key = await owner.api('POST', `/workspaces/${owner.workspaceId}/api-keys`, {
    name: 'Analysis e2e',
    role: 'agent',
  });
  expect(key.status).toBe(201);
  const sent = await fetch(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key.json.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: corpus().map((text) => ({ text })) }),
  });
  expect(sent.status).toBe(202);
  // Normalisation then analysis run in the background worker.
  await expect
    .poll(
      async () => {
        const page = await owner.api('GET', `/workspaces/${owner.workspaceId}/feedback?limit=100`);
        const items = page.json.items as { analysis: unknown }[];
        return items.length === corpus().length && items.every((item) => item.analysis !== null);
      },
      { timeout: 60_000, interval: 1000 },
    )
    .toBe(true);
}

async function signedIn(owner: OwnerSession, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const [name, value] = owner.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  return context;
}

/** Pixels the page is wider than the window: anything above 0 scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

it('shows analysis in the inbox, filters and corrects it, charts themes, fits a phone and runs no hostile text', async () => {
  const owner = await setUpOwner(server, base, 'Analysis Co');
  await ingest(owner);
  const workspace = `${base}/w/${owner.workspaceId}`;
  const context = await signedIn(owner, 1280);
  const page = await context.newPage();

  // The inbox: a sentiment badge, the mention of Sam highlighted with the directory's name.
  await page.goto(`${workspace}/inbox`);
  const praise = page.locator('.feedback-item').filter({ hasText: 'Sam was brilliant' });
  await expect.poll(() => praise.count(), { timeout: 15_000 }).toBe(1);
  expect(await praise.locator('.feedback-head .badge').allInnerTexts()).toContainEqual(
    expect.stringMatching(/^(Positive|Negative|Mixed|Neutral) [+−]?\d\.\d\d$/),
  );
  const sam = praise.locator('.hl-mention');
  expect(await sam.innerText()).toBe('Sam');
  expect(await sam.getAttribute('title')).toMatch(/Staff member: Samantha Reed/);
  expect(await praise.locator('[class*="hl-sentence-"]').count()).toBeGreaterThan(0);
  expect(await praise.getByRole('link', { name: /Samantha Reed/ }).count()).toBe(1);

  // Filtering by sentiment: the address keeps it, and only negative items are listed.
  await page.getByLabel('Sentiment', { exact: true }).selectOption('negative');
  await page.waitForURL(/sentiment=negative/);
  await expect
    .poll(() => page.getByText('Great product, I love the new reporting dashboard.').count())
    .toBe(0);
  const badges = page.locator('.feedback-item .feedback-head .badge-danger');
  await expect.poll(() => badges.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const rows = await page.locator('.feedback-item').count();
  expect(await badges.count()).toBe(rows);

  // A correction sticks after a reload, and the filter follows the corrected label.
  await page.goto(`${workspace}/inbox`);
  const happy = page.locator('.feedback-item').filter({ hasText: HAPPY });
  await expect.poll(() => happy.count(), { timeout: 15_000 }).toBe(1);
  await happy.getByRole('button', { name: 'Correct sentiment' }).click();
  await happy.getByLabel('Sentiment', { exact: true }).selectOption('negative');
  await happy.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => happy.getByText('Negative · corrected').count()).toBe(1);
  await page.reload();
  await expect
    .poll(() => happy.getByText('Negative · corrected').count(), { timeout: 15_000 })
    .toBe(1);
  await page.goto(`${workspace}/inbox?sentiment=negative`);
  await expect.poll(() => page.getByText(HAPPY).count(), { timeout: 15_000 }).toBe(1);

  // Themes: found on request, then drawn as a chart and listed.
  await page.goto(`${workspace}/themes`);
  await page.getByRole('button', { name: 'Find themes again' }).click();
  await expect
    .poll(() => page.locator('.theme-card').count(), { timeout: 60_000 })
    .toBeGreaterThan(0);
  const chart = page.getByRole('img', { name: /^The biggest themes by items/ });
  await expect.poll(() => chart.locator('canvas').count(), { timeout: 15_000 }).toBe(1);
  await page.locator('.theme-card a').first().click();
  await page.waitForURL(/\/themes\/[0-9a-f-]{36}$/);
  const trend = page.locator('.trend-chart canvas');
  await expect.poll(() => trend.count(), { timeout: 15_000 }).toBe(1);
  // From a theme to its feedback: every item listed carries the theme's chip.
  const themeName = await page.getByRole('heading', { level: 1 }).innerText();
  await page.getByRole('link', { name: 'Its feedback in the inbox' }).click();
  await page.waitForURL(/inbox\?themeId=/);
  const inTheme = page.locator('.feedback-item');
  await expect.poll(() => inTheme.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const chips = inTheme.locator('.chip-theme').filter({ hasText: themeName });
  expect(await chips.count()).toBe(await inTheme.count());

  // Hostile text is shown as text: nothing ran, no element was made from it.
  await page.goto(`${workspace}/inbox?q=${encodeURIComponent('parcel arrived broken')}`);
  await expect
    .poll(() => page.getByText('<img src=x onerror', { exact: false }).count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await pwned(page)).toBeUndefined();
  expect(await page.locator('main img[src="x"]').count()).toBe(0);
  await context.close();

  // At phone width nothing scrolls sideways: inbox with analysis, themes, a theme, directory.
  const phone = await signedIn(owner, 360);
  const small = await phone.newPage();
  for (const path of ['/inbox', '/themes', '/directory', '/settings']) {
    await small.goto(`${workspace}${path}`);
    await small.waitForLoadState('networkidle');
    expect({ path, overflow: await overflow(small) }).toEqual({ path, overflow: 0 });
  }
  await small.goto(`${workspace}/themes`);
  await small.locator('.theme-card a').first().click();
  await small.waitForURL(/\/themes\/[0-9a-f-]{36}$/);
  await small.waitForLoadState('networkidle');
  expect(await overflow(small)).toBe(0);
  expect(await pwned(small)).toBeUndefined();
  await phone.close();
}, 240_000);

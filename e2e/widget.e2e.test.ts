import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner, type OwnerSession } from './helpers/owner-session.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  freePort,
  REPO_ROOT,
  startTsx,
  waitForReady,
  type RunningProcess,
} from './helpers/processes.ts';

const HOSTILE_QUESTION =
  '<img src=x onerror="window.__pwned=1">How likely are you to recommend Shop?';
const HOSTILE_FOLLOW_UP = '<script>window.__pwned=2</script>What is the main reason?';
const HOSTILE_ANSWER = '<img src=y onerror="window.__pwned=3"> fast delivery';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-widget-e2e-'));
let server: RunningProcess;
let hostSite: Server;
let otherSite: Server;
let otherOrigin: string;
let browser: Browser;
let base: string;
let hostOrigin: string;
let session: { workspaceId: string };
let owner: OwnerSession;
let api: OwnerSession['api'];
let postId: string;

/** A customer's page, on another origin, embedding the widget exactly as the docs say. */
function hostPage(): string {
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">
<style>* { color: red !important; font-size: 40px !important } button { display: none !important }</style>
</head><body><h1>Shop</h1>
<script src="${base}/widget.js" data-post="${postId}" data-email="ada@shop.example" async></script>
</body></html>`;
}

beforeAll(async () => {
  // The dashboard and the widget script the server will serve (CI builds them; built here too).
  // A production build, as users get it (under Vitest, NODE_ENV=test would build React's development mode).
  execFileSync('npm', ['run', 'build:web', '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = startTsx('server/main.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForReady(base);
  owner = await setUpOwner(server, base, 'Widget Co');
  api = owner.api;
  session = { workspaceId: owner.workspaceId };

  const hostPort = await freePort();
  hostOrigin = `http://127.0.0.1:${hostPort}`;
  hostSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage());
  });
  await new Promise<void>((resolve) => hostSite.listen(hostPort, '127.0.0.1', resolve));
  // The same page on a site the widget does not allow.
  const otherPort = await freePort();
  otherOrigin = `http://127.0.0.1:${otherPort}`;
  otherSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage());
  });
  await new Promise<void>((resolve) => otherSite.listen(otherPort, '127.0.0.1', resolve));

  const post = await api('POST', `/workspaces/${session.workspaceId}/listening-posts`, {
    kind: 'widget',
    name: 'Checkout widget',
    settings: {
      question: { type: 'nps', text: { en: HOSTILE_QUESTION, fr: 'Recommanderiez-vous Shop ?' } },
      followUp: { en: HOSTILE_FOLLOW_UP },
      thankYou: { en: 'Thanks <b>a lot</b>!' },
      allowedOrigins: [hostOrigin],
    },
  });
  expect(post.status).toBe(201);
  postId = post.json.id;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hostSite?.close(resolve));
  await new Promise((resolve) => otherSite?.close(resolve));
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves widget.js for other sites, with caching and a script content type', async () => {
  const response = await fetch(`${base}/widget.js`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(
    /^(application|text)\/javascript; charset=utf-8/,
  );
  expect(response.headers.get('cache-control')).toContain('max-age=3600');
  expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  expect(response.headers.get('etag')).toBeTruthy();
  expect(response.headers.get('set-cookie')).toBeNull();
});

it('asks the question on another site at phone width, and the answer lands in the workspace', async () => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hostOrigin}/`);

  // Shown as text, whatever markup the question holds; the page's hostile CSS does not reach in.
  const question = page.getByText(HOSTILE_QUESTION, { exact: true });
  await question.waitFor({ timeout: 15_000 });
  const nine = page.getByRole('button', { name: '9', exact: true });
  expect(await nine.isVisible()).toBe(true);
  const box = await page.locator('hearken-widget section').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);

  // Keyboard: the score buttons are reachable and pressable with Enter.
  await nine.focus();
  await page.keyboard.press('Enter');
  const followUp = page.getByLabel(HOSTILE_FOLLOW_UP, { exact: true });
  await followUp.waitFor();
  expect(
    await followUp.evaluate(
      (element) => element === (element.getRootNode() as ShadowRoot).activeElement,
    ),
  ).toBe(true);
  await followUp.fill(HOSTILE_ANSWER);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText('Thanks <b>a lot</b>!', { exact: true }).waitFor();

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(
    await page.locator('hearken-widget img, hearken-widget script, hearken-widget b').count(),
  ).toBe(0);
  expect(errors).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  // The worker normalises in the background: the score and the follow-up make one item.
  await expect
    .poll(
      async () => {
        const page = await api(
          'GET',
          `/workspaces/${session.workspaceId}/feedback?postId=${postId}`,
        );
        return page.json.items;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toEqual([
      expect.objectContaining({
        channel: 'widget',
        scoreType: 'nps',
        score: 9,
        text: HOSTILE_ANSWER,
        metadata: expect.objectContaining({
          question: HOSTILE_QUESTION,
          language: 'en',
          pageUrl: `${hostOrigin}/`,
          referrerOrigin: hostOrigin,
          browser: 'Chrome',
        }),
      }),
    ]);
  await context.close();
}, 120_000);

it('follows the browser language, and stays hidden on a site that is not allowed', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/`);
  await page.getByText('Recommanderiez-vous Shop ?', { exact: true }).waitFor({ timeout: 15_000 });
  expect(await page.getByRole('button', { name: 'Fermer' }).count()).toBe(1);

  // The same page on another origin is refused: 403 and no CORS headers, so nothing shows.
  const other = await context.newPage();
  // Chromium blocks the reply (no CORS headers), so the page sees a failed request.
  const refused = other.waitForEvent('requestfailed', (request) =>
    request.url().endsWith(`/widget/${postId}/config`),
  );
  await other.goto(`${otherOrigin}/`);
  expect((await refused).failure()?.errorText).toBeTruthy();
  await other.waitForTimeout(500);
  expect(await other.locator('hearken-widget').count()).toBe(0);
  await context.close();
}, 60_000);

it('shows the embed snippet on the dashboard and saves the widget settings', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = owner.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/w/${session.workspaceId}/listening-posts`);
  await page.getByText('How to add this widget to your site').click();
  const snippet = `<script src="${base}/widget.js" data-post="${postId}" async></script>`;
  await page.getByText(snippet, { exact: true }).waitFor({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Widget settings of Checkout widget' }).click();
  await page.getByLabel('Question', { exact: true }).fill('How was <i>checkout</i> today?');
  await page.getByLabel('Question type', { exact: true }).selectOption('csat');
  await page.getByRole('button', { name: 'Save widget settings' }).click();
  await expect
    .poll(async () => (await fetch(`${base}/api/v1/widget/${postId}/config`)).json(), {
      timeout: 10_000,
    })
    .toMatchObject({
      question: {
        type: 'csat',
        text: { en: 'How was <i>checkout</i> today?', fr: 'Recommanderiez-vous Shop ?' },
      },
      followUp: { en: HOSTILE_FOLLOW_UP },
    });
  await context.close();
}, 60_000);

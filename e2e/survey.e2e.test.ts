import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner, type OwnerSession } from './helpers/owner-session.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">How did we do?';
const HOSTILE_QUESTION = '<script>window.__pwned=2</script>What went wrong?';
const HOSTILE_ANSWER = '<img src=y onerror="window.__pwned=3"> the <b>refund</b> never came';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-survey-'));
let server: RunningProcess;
let browser: Browser;
let owner: OwnerSession;
let publicUrl: string;

beforeAll(async () => {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // Survey pages are rendered by the server: no dashboard build is needed.
  server = startTsx('server/main.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForReady(base);
  owner = await setUpOwner(server, base, 'Survey Co');
  const created = await owner.api('POST', `/workspaces/${owner.workspaceId}/surveys`, {
    name: 'After support',
    languages: ['en'],
    defaultLanguage: 'en',
    title: { en: HOSTILE_TITLE },
    thankYou: { en: 'Thank you <b>so much</b>.' },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        text: { en: 'How likely are you to recommend us?' },
        skip: [],
      },
      { id: 'wrong', type: 'text', required: false, text: { en: HOSTILE_QUESTION }, skip: [] },
    ],
    triggers: [],
  });
  expect(created.status).toBe(201);
  publicUrl = created.json.publicUrl;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('is answered on a phone with JavaScript turned off, and the answers become feedback', async () => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await page.goto(publicUrl);
  await page.getByText(HOSTILE_TITLE, { exact: true }).waitFor();
  const three = page.getByRole('button', { name: '3', exact: true });
  const box = await three.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  await three.click();
  await page.getByLabel(HOSTILE_QUESTION, { exact: true }).fill(HOSTILE_ANSWER);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText('Thank you <b>so much</b>.', { exact: true }).waitFor();
  await context.close();

  await expect
    .poll(
      async () =>
        (await owner.api('GET', `/workspaces/${owner.workspaceId}/feedback?channel=survey`)).json
          .items,
      { timeout: 30_000, interval: 500 },
    )
    .toEqual([
      expect.objectContaining({
        channel: 'survey',
        scoreType: 'nps',
        score: 3,
        text: expect.stringContaining(HOSTILE_ANSWER),
      }),
    ]);
});

it('shows hostile text in questions and answers as text: no script runs, no element is injected', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(publicUrl);
  await page.getByRole('button', { name: '2', exact: true }).click();
  const answer = page.getByLabel(HOSTILE_QUESTION, { exact: true });
  await answer.fill(HOSTILE_ANSWER);
  // The question page shows the hostile title and question as text.
  expect(await page.getByText(HOSTILE_TITLE, { exact: true }).count()).toBe(1);
  expect(await page.locator('main img, main script, main b').count()).toBe(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText('Thank you <b>so much</b>.', { exact: true }).waitFor();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('main img, main script, main b').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../server/modules/outbox/smtp-sink.test-helper.ts';
import { launchChromium } from './helpers/browser.ts';
import { setUpOwner, type OwnerSession } from './helpers/owner-session.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

/**
 * Issue 6's loop, end to end: a real Hearken process (PGlite) sends its mail to a real SMTP
 * server standing in for the internet, receives the customer's answers on its own SMTP port, and
 * the customer and the agent act in a real browser.
 */
const INBOX = 'feedback@acme.example';
const CUSTOMER = 'dana@customer.example';
const COMPLAINT = 'The export to CSV times out every Monday and I lose an hour each time.';
const REPLY = 'Dana, thank you for telling us. The Monday export runs beside the weekly backup.';
const ANSWER = 'Thanks, moving my export to Tuesday helped for now.';
const ANSWER_ID = '<answer-1@customer.example>';
const FOLLOW_UP = 'Dana, we now run exports apart from backups, so Monday should be quick again.';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-closed-loop-'));
let sink: SmtpSink;
let server: RunningProcess;
let browser: Browser;
let base: string;
let inboundPort: number;
let owner: OwnerSession;
let ws: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  const port = await freePort();
  inboundPort = await freePort();
  base = `http://localhost:${port}`;
  // Hearken as `npm start` runs it, plus a win-back job every second (see the fixture).
  server = startTsx('e2e/fixtures/hearken-winback-every-second.ts', {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    SMTP_INBOUND_PORT: String(inboundPort),
    MAIL_FROM: 'Acme <hello@acme.example>',
    JOB_POLL_MS: '200',
  });
  await waitForReady(base);
  owner = await setUpOwner(server, base, 'Acme');
  ws = owner.workspaceId;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const POLL = { timeout: 30_000, interval: 250 };

/** The one mail received so far that `match` picks, once it has arrived. */
async function mailWhere(match: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
  await expect.poll(() => sink.received.filter(match).length, POLL).toBe(1);
  return sink.received.find(match)!;
}

const addresses = (field: ParsedMail['to'] | ParsedMail['replyTo']) =>
  [field]
    .flat()
    .flatMap((list) => list?.value ?? [])
    .map((address) => address.address);

const toCustomer = (mail: ParsedMail) => addresses(mail.to).includes(CUSTOMER);

async function staffContext(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  return context;
}

/** Answers a survey from the invitation email: the score link, then the text question. */
async function answerInvitation(mail: ParsedMail, score: number, text: string) {
  const link = mail.text?.match(new RegExp(`^${score}: (\\S+)$`, 'm'))?.[1];
  expect(link).toMatch(/\/s\/[\w-]+\?i=[\w-]+&score=\d+$/);
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(link!);
  await page.getByLabel('What should we do better?', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText('Thank you.', { exact: true }).waitFor();
  await context.close();
}

let caseId: string;

it('closes the loop: survey, case by rule, reply, answer, consent, close, win-back', async () => {
  const me = (await owner.api('GET', '/me')).json;
  const ownerId = me.user.id as string;

  // Setup: the feedback inbox, a detractor rule with an engage deadline and no win-back wait,
  // and an NPS survey.
  const post = await owner.api('POST', `/workspaces/${ws}/listening-posts`, {
    kind: 'email',
    name: 'Feedback inbox',
    settings: { address: INBOX },
  });
  expect(post.status).toBe(201);
  const rule = await owner.api('POST', `/workspaces/${ws}/case-rules`, {
    name: 'Detractors to Ada',
    conditions: [{ type: 'detractor', scoreType: 'nps' }],
    assignment: { strategy: 'user', userId: ownerId },
    deadlines: { engage: { hours: 24 }, winback: { hours: 0 } },
  });
  expect(rule.status).toBe(201);
  const survey = await owner.api('POST', `/workspaces/${ws}/surveys`, {
    name: 'After support',
    languages: ['en'],
    defaultLanguage: 'en',
    title: { en: 'How did we do?' },
    thankYou: { en: 'Thank you.' },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        text: { en: 'How likely are you to recommend Acme?' },
        skip: [],
      },
      {
        id: 'why',
        type: 'text',
        required: false,
        text: { en: 'What should we do better?' },
        skip: [],
      },
    ],
    triggers: [],
  });
  expect(survey.status).toBe(201);
  const invited = await owner.api(
    'POST',
    `/workspaces/${ws}/surveys/${survey.json.id}/invitations`,
    {
      contacts: [{ email: CUSTOMER, name: 'Dana Cruz' }],
    },
  );
  expect(invited.status).toBe(201);

  // The customer answers 3 from the invitation email.
  const invitation = await mailWhere((mail) => toCustomer(mail) && /\?i=/.test(mail.text ?? ''));
  await answerInvitation(invitation, 3, COMPLAINT);

  // A case opens, assigned by the rule, due by its engage deadline.
  await expect
    .poll(async () => (await owner.api('GET', `/workspaces/${ws}/cases`)).json.items, POLL)
    .toEqual([
      expect.objectContaining({
        stage: 'engage',
        owner: { id: ownerId, name: 'Ada Owner' },
        scoreType: 'nps',
        scoreBefore: 3,
        dueAt: expect.any(String),
      }),
    ]);
  caseId = (await owner.api('GET', `/workspaces/${ws}/cases`)).json.items[0].id;
  const detail = async () => (await owner.api('GET', `/workspaces/${ws}/cases/${caseId}`)).json;
  const eventTypes = async () =>
    ((await detail()).timeline as { type: string }[]).map((event) => event.type);
  expect(await eventTypes()).toContain('opened');

  // The agent replies from the case page.
  const context = await staffContext(owner.cookie);
  const page = await context.newPage();
  await page.goto(`${base}/w/${ws}/cases`);
  await page.locator('.case-card-title').first().click();
  await expect.poll(() => page.locator('h1').innerText(), POLL).toMatch(/^Case #1: /);
  await page.getByLabel('Your reply').fill(REPLY);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => page.getByRole('status').innerText(), POLL).toMatch(/^Reply “/);

  const reply = await mailWhere((mail) => toCustomer(mail) && (mail.text ?? '').includes(REPLY));
  expect(reply.subject).toBe('About your feedback');
  expect(addresses(reply.to)).toEqual([CUSTOMER]);
  expect(reply.messageId).toMatch(/^<.+@acme\.example>$/);
  expect(addresses(reply.replyTo)).toEqual([INBOX]);
  expect(reply.from?.value[0]?.address).toBe('hello@acme.example');
  // Their words are quoted below the reply.
  expect(reply.text).toContain(COMPLAINT.slice(0, 40));

  // The customer answers by email, to the Reply-To, threaded under the reply.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inboundPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from: `"Dana Cruz" <${CUSTOMER}>`,
    to: INBOX,
    subject: `Re: ${reply.subject}`,
    text: `${ANSWER}\n\nOn Monday, Acme wrote:\n> ${REPLY}`,
    messageId: ANSWER_ID,
    inReplyTo: reply.messageId,
    references: [reply.messageId!],
  });
  transport.close();
  await expect.poll(eventTypes, POLL).toContain('reply_received');
  await page.reload();
  await expect
    .poll(() => page.locator('.case-event-reply_received').count(), POLL)
    .toBeGreaterThan(0);
  await expect.poll(() => page.getByText(ANSWER).count(), POLL).toBeGreaterThan(0);

  // Engage → Process: what was learned, and an action linked.
  await page.getByLabel('What we learned').fill('Exports compete with the Monday backup.');
  await page.getByRole('button', { name: 'Save what we learned' }).click();
  await expect.poll(eventTypes, POLL).toContain('learned');
  await page.getByRole('button', { name: 'Move to Process' }).click();
  await expect.poll(() => page.locator('[aria-current="step"]').innerText(), POLL).toBe('Process');
  await page.getByLabel('New action').fill('Run exports apart from backups');
  await page.getByRole('button', { name: 'Add and link' }).click();
  await expect
    .poll(() => page.locator('.case-actions').innerText(), POLL)
    .toMatch(/Run exports apart/);

  // Follow up: the follow-up asks whether we may contact them again.
  await page.getByRole('button', { name: 'Move to Follow up' }).click();
  await expect
    .poll(() => page.locator('[aria-current="step"]').innerText(), POLL)
    .toBe('Follow up');
  await page.getByLabel('Your reply').fill(FOLLOW_UP);
  await page.getByLabel('Ask whether we may contact them again about this').check();
  await page.getByRole('button', { name: 'Send reply' }).click();
  const followUp = await mailWhere(
    (mail) => toCustomer(mail) && (mail.text ?? '').includes(FOLLOW_UP),
  );
  expect(addresses(followUp.replyTo)).toEqual([INBOX]);
  // Threaded under the customer's answer, so their mail client shows one conversation.
  expect(followUp.inReplyTo).toBe(ANSWER_ID);
  expect(followUp.subject).toBe('Re: About your feedback');
  const yes = followUp.text?.match(/Follow-ups about this: yes (\S+) \/ no \S+/)?.[1];
  expect(yes).toMatch(/^http:\/\/localhost:\d+\/c\//);
  expect(await eventTypes()).toContain('consent_requested');

  // The customer says yes: the link shows a Confirm button, the form records it.
  const customer = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const consentPage = await customer.newPage();
  await consentPage.goto(yes!);
  await consentPage.getByRole('button', { name: 'Confirm' }).waitFor();
  // Opening the link records nothing (mail scanners follow links): only the form does.
  expect(await eventTypes()).not.toContain('consent_recorded');
  await consentPage.getByRole('button', { name: 'Confirm' }).click();
  await consentPage.waitForLoadState();
  await customer.close();
  await expect.poll(eventTypes, POLL).toContain('consent_recorded');

  // The agent closes the case, naming a new root cause.
  await page.reload();
  await page.getByRole('button', { name: 'Close case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close case #1' });
  await dialog.getByLabel('Outcome').selectOption('resolved');
  await dialog.getByLabel('Root cause (theme)').selectOption({ label: 'A new root cause…' });
  await dialog.getByLabel('Name the root cause').fill('Exports collide with backups');
  await dialog.getByLabel('Action taken').fill('Moved exports away from the backup window.');
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await expect.poll(() => page.locator('[aria-current="step"]').innerText(), POLL).toBe('Closed');
  const closed = await detail();
  expect(closed.case).toMatchObject({
    stage: 'closed',
    outcome: 'resolved',
    rootCause: { name: 'Exports collide with backups' },
  });
  expect(closed.case.resolution).toContain('Moved exports away');

  // Win-back: with the rule's 0-hour delay the job invites at once; the customer now answers 9.
  const winback = await mailWhere(
    (mail) => toCustomer(mail) && /\?i=/.test(mail.text ?? '') && mail !== invitation,
  );
  expect(await eventTypes()).toContain('winback_sent');
  await answerInvitation(winback, 9, 'Much better now, thank you.');
  await expect
    .poll(async () => (await detail()).case, { ...POLL, timeout: 45_000 })
    .toMatchObject({ scoreBefore: 3, scoreAfter: 9, outcome: 'won_back' });
  expect(await eventTypes()).toContain('score_after');
  await page.reload();
  await expect.poll(() => page.getByText(/Closed as won back/).count(), POLL).toBe(1);
  await context.close();
}, 180_000);

it('shows a viewer the case without a composer or stage buttons, and refuses their reply', async () => {
  const invite = await owner.api('POST', `/workspaces/${ws}/invitations`, {
    email: 'vic@acme.example',
    role: 'viewer',
  });
  expect(invite.status).toBe(201);
  const token = new URL(invite.json.link as string).searchParams.get('token');
  const accepted = await fetch(`${base}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: 'Vic Viewer', password: 'another long password' }),
  });
  expect(accepted.status).toBe(200);
  const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await accepted.json()) as { csrfToken: string };

  const context = await staffContext(cookie);
  const page = await context.newPage();
  await page.goto(`${base}/w/${ws}/cases/${caseId}`);
  await expect.poll(() => page.locator('h1').innerText(), POLL).toMatch(/^Case #1: /);
  await expect.poll(() => page.locator('.case-timeline li').count(), POLL).toBeGreaterThan(3);
  expect(await page.getByLabel('Your reply').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Send reply' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^(Move to|Close case|Reopen)/ }).count()).toBe(0);
  await context.close();

  const refused = await fetch(`${base}/api/v1/workspaces/${ws}/cases/${caseId}/replies`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      body: 'A viewer may not write this.',
      idempotencyKey: crypto.randomUUID(),
    }),
  });
  expect(refused.status).toBe(403);
  expect(sink.received.some((mail) => (mail.text ?? '').includes('A viewer may not'))).toBe(false);
}, 60_000);

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import {
  bearer,
  createTestWorkspace,
  sessionHeaders,
  type TestWorkspace,
} from '../../test/fixtures.ts';
import { sendInvitationsJob } from './surveys.jobs.ts';
import { createSampleSurvey } from './survey.fixture.ts';

interface OutboxItem {
  to: string;
  subject: string;
  html: string;
  text: string;
  state: string;
}

describeEachEngine('survey invitations', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
  });
  afterAll(() => app.close());

  async function outbox(): Promise<OutboxItem[]> {
    const response = await app.inject({
      url: `/api/v1/workspaces/${workspace.id}/outbox`,
      headers: sessionHeaders(workspace.owner),
    });
    return response.json().items;
  }

  const surveyRawItems = async () =>
    (
      await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id} AND channel = 'survey'`,
      )
    )[0]!.n;

  it('emails invitees the score buttons; one click records the score once and opens the rest', async () => {
    const survey = await createSampleSurvey(ctx(), workspace.id);
    const email = `ada-${Date.now()}@initech.test`;
    const invite = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/surveys/${survey.id}/invitations`,
      headers: sessionHeaders(await workspace.member('agent')),
      payload: { contacts: [{ email, name: 'Ada <Lovelace>', language: 'fr' }] },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().items[0]).toMatchObject({ email, source: 'manual' });
    const message = (await outbox()).find((item) => item.to === email)!;
    // Nothing leaves the machine without SMTP_URL: the message stays in the local outbox.
    expect(message.state).toBe('local');
    expect(message.subject).toBe('Comment avons-nous fait ?');
    expect(message.html).toContain('Bonjour Ada &lt;Lovelace&gt;,');
    const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll('&amp;', '&'),
    );
    expect(links).toHaveLength(11);
    expect(message.text).toContain(links[9]);
    const click = (score: number, method: 'GET' | 'HEAD' = 'GET') =>
      app.inject({ method, url: new URL(links[score]!).pathname + new URL(links[score]!).search });

    const before = await surveyRawItems();
    expect((await click(4, 'HEAD')).statusCode).toBe(303);
    expect(await surveyRawItems()).toBe(before);
    // A mail scanner opens every link; the person's own click comes after and wins.
    for (const score of [0, 1, 2]) await click(score);
    const opened = await click(9);
    expect(opened.statusCode).toBe(303);
    const page = await app.inject({ url: opened.headers.location as string });
    expect(page.body).toContain('Qu’avez-vous préféré ?');
    const afterClicks = await surveyRawItems();
    await click(9);
    expect(await surveyRawItems()).toBe(afterClicks);
    const responseToken = /name="r" value="([^"]+)"/.exec(page.body)![1]!;
    await app.inject({
      method: 'POST',
      url: new URL(links[0]!).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `q=best&r=${responseToken}&a=speed`,
    });
    // Once the person has moved on, a late click changes nothing.
    await click(1);
    const rows = await queryRows<{ answers: unknown; email: string; language: string }>(
      ctx().db,
      sql`SELECT r.answers, i.email, r.language FROM survey_responses r
          JOIN survey_invitations i ON i.workspace_id = r.workspace_id AND i.id = r.invitation_id
          WHERE r.workspace_id = ${workspace.id} AND i.email = ${email}`,
    );
    expect(rows).toEqual([{ answers: { nps: 9, best: 'speed' }, email, language: 'fr' }]);
    const listed = await app.inject({
      url: `/api/v1/workspaces/${workspace.id}/surveys/${survey.id}/invitations`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(listed.json().items[0]).toMatchObject({ email, responseState: 'partial' });
  });

  it('refuses an unknown invitation token without recording anything', async () => {
    const survey = await createSampleSurvey(ctx(), workspace.id);
    const token = new URL(survey.publicUrl).pathname.split('/').at(-1)!;
    const before = await surveyRawItems();
    const response = await app.inject({ url: `/s/${token}?i=forged-invitation-token&score=0` });
    expect(response.statusCode).toBe(404);
    expect(await surveyRawItems()).toBe(before);
  });

  it('invites the contact of a matching event, once per event, after the trigger’s delay', async () => {
    const now = await createSampleSurvey(ctx(), workspace.id, {
      triggers: [{ event: 'ticket.solved', delayMinutes: 0 }],
    });
    const later = await createSampleSurvey(ctx(), workspace.id, {
      name: 'Delivery',
      triggers: [{ event: 'order.delivered', delayMinutes: 60 }],
    });
    const key = await workspace.apiKey('agent');
    const send = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/events', headers: bearer(key), payload });
    const solved = {
      id: 'evt-1',
      type: 'ticket.solved',
      contact: { email: 'grace@initech.test', name: 'Grace' },
    };
    const first = await send(solved);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ matchedSurveys: 1, invitations: [{ surveyId: now.id }] });
    expect((await send(solved)).json().invitations).toEqual([]);
    expect((await outbox()).filter((m) => m.to === 'grace@initech.test')).toHaveLength(1);
    expect(
      (await send({ ...solved, id: 'evt-2', type: 'ticket.reopened' })).json().matchedSurveys,
    ).toBe(0);

    const delivered = await send({
      id: 'order-7',
      type: 'order.delivered',
      contact: { email: 'linus@initech.test' },
      occurredAt: new Date().toISOString(),
    });
    const [planned] = delivered.json().invitations;
    expect(planned.surveyId).toBe(later.id);
    expect(new Date(planned.sendAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect((await outbox()).some((m) => m.to === 'linus@initech.test')).toBe(false);
    const [job] = await queryRows<{ payload: { invitationIds: string[] }; runAt: string }>(
      ctx().db,
      sql`SELECT payload, run_at AS "runAt" FROM jobs WHERE workspace_id = ${workspace.id} AND name = 'surveys.send-invitations'`,
    );
    expect(new Date(job!.runAt).getTime()).toBe(new Date(planned.sendAt).getTime());
    const jobContext = {
      db: ctx().db,
      jobId: 1,
      attempt: 1,
      workspaceId: workspace.id,
      log: ctx().log,
      signal: new AbortController().signal,
    };
    await sendInvitationsJob.handler(job!.payload, jobContext);
    await sendInvitationsJob.handler(job!.payload, jobContext);
    expect((await outbox()).filter((m) => m.to === 'linus@initech.test')).toHaveLength(1);
  });

  it('needs an API key or member of at least agent for events, and validates them', async () => {
    const viewerKey = await workspace.apiKey('viewer');
    const event = { type: 'ticket.solved', contact: { email: 'x@initech.test' } };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/events',
          headers: bearer(viewerKey),
          payload: event,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/events', payload: event })).statusCode,
    ).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: bearer(await workspace.apiKey('agent')),
      payload: { type: 'ticket solved!', contact: { email: 'not-an-email' } },
    });
    expect(bad.statusCode).toBe(400);
  });
});

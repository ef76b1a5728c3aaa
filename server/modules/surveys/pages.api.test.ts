import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { createSampleSurvey } from './survey.fixture.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

describeEachEngine('hosted survey pages', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  let token: string;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
    const survey = await createSampleSurvey(ctx(), workspace.id, {
      title: {
        en: 'How did we do? <script>alert("t")</script>',
        fr: 'Comment <b>avons</b>-nous fait ?',
      },
    });
    token = new URL(survey.publicUrl).pathname.split('/').at(-1)!;
  });
  afterAll(() => app.close());

  /** Posts one answer the way a browser without JavaScript does, and follows the redirect. */
  async function answer(
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const one of [value].flat()) body.append(key, one);
    const posted = await app.inject({
      method: 'POST',
      url: `/s/${token}`,
      headers: { ...FORM, ...headers },
      payload: body.toString(),
    });
    if (posted.statusCode !== 303) return { posted, page: posted.body, location: undefined };
    const location = posted.headers.location as string;
    const page = await app.inject({ url: location, headers });
    return { posted, page: page.body, location };
  }

  const rawCount = async () =>
    (
      await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id} AND channel = 'survey'`,
      )
    )[0]!.n;

  it('serves the first question as a plain form, in the browser’s language, with no script', async () => {
    const page = await app.inject({
      url: `/s/${token}`,
      headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('Quelle est la probabilité que vous nous recommandiez ?');
    expect(page.body).toContain(`<form method="post" action="/s/${token}"`);
    expect(page.body.match(/<button\s+type="submit"\s+name="a"\s+value="\d+"/g)).toHaveLength(11);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('Comment &lt;b&gt;avons&lt;/b&gt;-nous fait ?');
    const english = await app.inject({
      url: `/s/${token}?lang=en`,
      headers: { 'accept-language': 'fr' },
    });
    expect(english.body).toContain('How likely are you to recommend us');
    expect(english.body).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    const unknown = await app.inject({ url: `/s/${token}`, headers: { 'accept-language': 'ja' } });
    expect(unknown.body).toContain('<html lang="en">');
    const css = await app.inject({ url: '/s-assets/survey.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('walks a promoter through the form flow to the thank-you page, keeping every answer', async () => {
    const first = await answer({ q: 'nps', lang: 'en', a: '9' });
    expect(first.posted.statusCode).toBe(303);
    expect(first.location).toMatch(new RegExp(`^/s/${token}/r/[A-Za-z0-9_-]{24}$`));
    expect(first.page).toContain('What did you like most?');
    const responseToken = hidden(first.page, 'r')!;
    const second = await answer({ q: 'best', r: responseToken, a: 'people' });
    // "answered" on the choice skips the two text questions straight to consent.
    expect(second.page).toContain('May we contact you about this?');
    const last = await answer({ q: 'consent', r: responseToken, a: 'yes' });
    expect(last.page).toContain('Thanks for telling us.');

    const [response] = await queryRows<{ answers: unknown; state: string; language: string }>(
      ctx().db,
      sql`SELECT answers, state, language FROM survey_responses WHERE workspace_id = ${workspace.id} AND token = ${responseToken}`,
    );
    expect(response).toEqual({
      answers: { nps: 9, best: 'people', consent: true },
      state: 'complete',
      language: 'en',
    });
    await runQueuedNormalisation(ctx(), workspace.id);
    const feedback = await queryRows<{
      score: number;
      scoreType: string;
      metadata: Record<string, unknown>;
    }>(
      ctx().db,
      sql`SELECT score, score_type AS "scoreType", metadata FROM feedback
          WHERE workspace_id = ${workspace.id} AND metadata->>'responseId' = (
            SELECT id::text FROM survey_responses WHERE workspace_id = ${workspace.id} AND token = ${responseToken})`,
    );
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      score: 9,
      scoreType: 'nps',
      metadata: { state: 'complete', consentToContact: true },
    });
  });

  it('sends a detractor to the "what went wrong" question and keeps partial answers as feedback', async () => {
    const first = await answer({ q: 'nps', a: '3' });
    expect(first.page).toContain('What went wrong?');
    const responseToken = hidden(first.page, 'r')!;
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const second = await answer({ q: 'wrong', r: responseToken, a: hostile });
    expect(second.page).toContain('Anything else?');
    await runQueuedNormalisation(ctx(), workspace.id);
    const rows = await queryRows<{ text: string; score: number; state: string; rawItems: number }>(
      ctx().db,
      sql`SELECT f.text, f.score, f.metadata->>'state' AS state,
            (SELECT count(*)::int FROM raw_items r WHERE r.workspace_id = f.workspace_id AND r.feedback_id = f.id) AS "rawItems"
          FROM feedback f JOIN survey_responses s ON s.workspace_id = f.workspace_id AND f.metadata->>'responseId' = s.id::text
          WHERE f.workspace_id = ${workspace.id} AND s.token = ${responseToken}`,
    );
    // One feedback item for the response, revised by both pages; the text is stored verbatim.
    expect(rows).toEqual([{ text: hostile, score: 3, state: 'partial', rawItems: 2 }]);
    const resumed = await app.inject({ url: `/s/${token}/r/${responseToken}` });
    expect(resumed.body).toContain('Anything else?');
    expect(resumed.body).not.toContain('<img src=x');
  });

  it('treats a double submit as a no-op', async () => {
    const first = await answer({ q: 'nps', a: '10' });
    const responseToken = hidden(first.page, 'r')!;
    const before = await rawCount();
    const again = await answer({ q: 'best', r: responseToken, a: 'speed' });
    const twice = await answer({ q: 'best', r: responseToken, a: 'speed' });
    expect(twice.location).toBe(again.location);
    expect(await rawCount()).toBe(before + 1);
    const [row] = await queryRows<{ revision: number; answers: unknown }>(
      ctx().db,
      sql`SELECT revision, answers FROM survey_responses WHERE workspace_id = ${workspace.id} AND token = ${responseToken}`,
    );
    expect(row).toEqual({ revision: 2, answers: { nps: 10, best: 'speed' } });
  });

  it('asks again when a required question is left empty or answered with nonsense', async () => {
    const empty = await answer({ q: 'nps', lang: 'fr' });
    expect(empty.posted.statusCode).toBe(400);
    expect(empty.page).toContain('Merci de répondre à cette question.');
    const nonsense = await answer({ q: 'nps', a: '11' });
    expect(nonsense.posted.statusCode).toBe(400);
    expect(nonsense.page).toContain('role="alert"');
    const unknownResponse = await answer({ q: 'best', r: 'not-a-real-response-token', a: 'speed' });
    expect(unknownResponse.posted.statusCode).toBe(404);
    const json = await app.inject({
      method: 'POST',
      url: `/s/${token}`,
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(415);
    const missing = await app.inject({ url: '/s/doesnotexist123' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('This survey link does not work');
  });

  it('takes answers as JSON for custom front-ends', async () => {
    const start = await app.inject({
      method: 'POST',
      url: `/api/v1/s/${token}/responses`,
      payload: { answers: { nps: 2 }, language: 'fr' },
    });
    expect(start.statusCode).toBe(201);
    expect(start.json()).toMatchObject({
      state: 'partial',
      nextQuestionId: 'wrong',
      duplicate: false,
    });
    const url = `/api/v1/s/${token}/responses/${start.json().responseToken}`;
    const bad = await app.inject({
      method: 'POST',
      url,
      payload: { answers: { consent: 'maybe', nope: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.answers.consent', 'body.answers.nope']);
    const rest = { answers: { wrong: 'Slow', comment: '', consent: false } };
    const done = await app.inject({ method: 'POST', url, payload: rest });
    expect(done.json()).toMatchObject({
      state: 'complete',
      nextQuestionId: null,
      duplicate: false,
    });
    expect((await app.inject({ method: 'POST', url, payload: rest })).json().duplicate).toBe(true);
    const definition = await app.inject({ url: `/api/v1/s/${token}` });
    expect(definition.json().questions).toHaveLength(5);
    expect(definition.json()).not.toHaveProperty('triggers');
  });

  it('closes the pages of a paused survey', async () => {
    const paused = await createSampleSurvey(ctx(), workspace.id);
    const pausedToken = new URL(paused.publicUrl).pathname.split('/').at(-1)!;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}/surveys/${paused.id}`,
      headers: {
        cookie: `hearken_session=${workspace.owner.sessionToken}`,
        'x-csrf-token': workspace.owner.csrfToken,
      },
      payload: { status: 'paused' },
    });
    const page = await app.inject({
      url: `/s/${pausedToken}`,
      headers: { 'accept-language': 'de' },
    });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('geschlossen');
  });
});

describeEachEngine(
  'hosted survey rate limit',
  ({ ctx }) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp(ctx());
    });
    afterAll(() => app.close());

    it('answers 429 past the per-address limit on pages and the JSON API', async () => {
      const workspace = await createTestWorkspace(ctx());
      const survey = await createSampleSurvey(ctx(), workspace.id);
      const token = new URL(survey.publicUrl).pathname.split('/').at(-1)!;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await app.inject({ url: `/s/${token}` })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const json = [];
      for (let i = 0; i < 4; i += 1)
        json.push(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/s/${token}/responses`,
              payload: { answers: { nps: 5 } },
            })
          ).statusCode,
        );
      expect(json).toEqual([201, 201, 201, 429]);
    });
  },
  { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' },
);

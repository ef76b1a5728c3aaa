import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { sampleSurveyInput } from './survey.fixture.ts';

describeEachEngine('survey definitions', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
  });
  afterAll(() => app.close());

  const create = (body: unknown) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/surveys`,
      headers: sessionHeaders(workspace.owner),
      payload: body as object,
    });

  it('creates a survey with its listening post, public link and counts', async () => {
    const response = await create(sampleSurveyInput());
    expect(response.statusCode).toBe(201);
    const survey = response.json();
    expect(survey).toMatchObject({
      name: 'Support follow-up',
      status: 'active',
      responses: { partial: 0, complete: 0 },
      invitations: 0,
    });
    expect(survey.publicUrl).toMatch(/\/s\/[A-Za-z0-9_-]{16}$/);
    const posts = await app.inject({
      url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(posts.json().items).toContainEqual(
      expect.objectContaining({
        id: survey.postId,
        kind: 'survey',
        settings: { surveyId: survey.id },
      }),
    );
    const viewer = await workspace.member('viewer');
    const read = await app.inject({
      url: `/api/v1/workspaces/${workspace.id}/surveys/${survey.id}`,
      headers: sessionHeaders(viewer),
    });
    expect(read.json().questions.map((q: { id: string }) => q.id)).toEqual([
      'nps',
      'best',
      'wrong',
      'comment',
      'consent',
    ]);
  });

  it('refuses skips that go backwards or nowhere, and conditions that do not fit, with paths', async () => {
    const input = sampleSurveyInput();
    input.questions[1]!.skip = [{ if: { op: 'answered' }, goTo: 'nps' }];
    input.questions[2]!.skip = [{ if: { op: 'answered' }, goTo: 'nowhere' }];
    input.questions[4]!.skip = [{ if: { op: 'lte', value: 3 }, goTo: 'end' }];
    const response = await create(input);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'body.questions.1.skip.0.goTo',
          message: expect.stringContaining('not a later question'),
        },
        {
          path: 'body.questions.2.skip.0.goTo',
          message: expect.stringContaining('not a later question'),
        },
        { path: 'body.questions.4.skip.0.if', message: expect.stringContaining('does not fit') },
      ]),
    );
  });

  it('names every missing translation', async () => {
    const input = sampleSurveyInput({ languages: ['en', 'fr', 'de'] });
    const response = await create(input);
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.title.de',
        'body.thankYou.de',
        'body.questions.0.text.de',
        'body.questions.0.lowLabel.de',
        'body.questions.1.options.0.label.de',
        'body.questions.4.text.de',
      ]),
    );
    const bad = await create({
      ...sampleSurveyInput(),
      defaultLanguage: 'es',
      scoreQuestionId: 'best',
    });
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.defaultLanguage', 'body.scoreQuestionId']),
    );
  });

  it('rejects unknown question types and fields as a bad request', async () => {
    const input = sampleSurveyInput();
    const response = await create({
      ...input,
      questions: [{ ...input.questions[0], type: 'slider' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toContain('body.questions.0');
  });

  it('changes a survey and keeps the rest of its definition', async () => {
    const survey = (
      await create(sampleSurveyInput({ triggers: [{ event: 'order.delivered', delayMinutes: 5 }] }))
    ).json();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}/surveys/${survey.id}`,
      headers: sessionHeaders(workspace.owner),
      payload: {
        name: 'Delivery follow-up',
        title: { en: 'Your delivery', fr: 'Votre livraison' },
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      name: 'Delivery follow-up',
      title: { en: 'Your delivery' },
      triggers: [{ event: 'order.delivered', delayMinutes: 5 }],
    });
    const broken = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}/surveys/${survey.id}`,
      headers: sessionHeaders(workspace.owner),
      payload: { languages: ['en', 'fr', 'it'] },
    });
    expect(broken.statusCode).toBe(400);
    const rows = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM surveys WHERE workspace_id = ${workspace.id} AND definition->'languages' ? 'it'`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestUser } from '../../test/fixtures.ts';
import { createTestTheme } from '../themes/themes.fixture.ts';
import { createSampleAction, createSampleCase } from './cases.fixture.ts';

describeEachEngine('cases API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  const as =
    (user: TestUser, workspaceId: string) =>
    (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1/workspaces/${workspaceId}${path}`,
        headers: sessionHeaders(user),
        ...(payload ? { payload } : {}),
      });

  it('walks a case through the loop over HTTP', async () => {
    const workspace = await createTestWorkspace(ctx());
    const agent = as(await workspace.member('agent'), workspace.id);
    const { feedbackIds } = await createSampleCase(ctx(), workspace.id);
    const merged = await agent('POST', '/cases', { feedbackIds: [feedbackIds[1]] });
    expect(merged.statusCode).toBe(200);
    const caseId = merged.json().case.id as string;
    expect(merged.json().feedback).toHaveLength(2);
    const engaged = await agent('POST', `/cases/${caseId}/engage`, {
      learned: 'Reports time out past 10k rows.',
      initiatedBy: 'survey',
    });
    expect(engaged.json().case).toMatchObject({ learned: 'Reports time out past 10k rows.' });
    const moved = await agent('POST', `/cases/${caseId}/stage`, { to: 'process', from: 'engage' });
    expect(moved.json().case.stage).toBe('process');
    const stale = await agent('POST', `/cases/${caseId}/stage`, { to: 'process', from: 'engage' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    const action = await agent('POST', '/actions', { title: 'Stream large reports' });
    expect(action.statusCode).toBe(201);
    const linked = await agent('POST', `/cases/${caseId}/actions`, { actionId: action.json().id });
    expect(linked.json().actions.map((a: { id: string }) => a.id)).toEqual([action.json().id]);
    const closed = await agent('POST', `/cases/${caseId}/close`, {
      outcome: 'resolved',
      rootCauseThemeId: await createTestTheme(ctx(), workspace.id),
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().case).toMatchObject({ stage: 'closed', outcome: 'resolved' });
    const list = await agent('GET', '/cases?stage=closed');
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it('answers bad input with 4xx JSON errors, never 500', async () => {
    const workspace = await createTestWorkspace(ctx());
    const owner = as(workspace.owner, workspace.id);
    const { caseId } = await createSampleCase(ctx(), workspace.id);
    const bad: Array<[string, string, object | undefined, number]> = [
      ['GET', '/cases?limit=1000', undefined, 400],
      ['GET', '/cases?stage=sideways', undefined, 400],
      ['GET', '/cases?owner=someone', undefined, 400],
      ['POST', '/cases', { feedbackIds: [] }, 400],
      ['POST', '/cases', { feedbackIds: ['not-a-uuid'] }, 400],
      ['GET', '/cases/not-a-uuid', undefined, 400],
      ['POST', `/cases/${caseId}/stage`, { to: 'closed' }, 400],
      ['POST', `/cases/${caseId}/stage`, { to: 'follow_up' }, 400],
      ['POST', `/cases/${caseId}/close`, { outcome: 'happy' }, 400],
      ['POST', `/cases/${caseId}/close`, { outcome: 'resolved' }, 400],
      ['POST', `/cases/${caseId}/assign`, {}, 400],
      ['POST', `/cases/${caseId}/comments`, { body: '' }, 400],
      ['POST', `/cases/${caseId}/comments`, { body: 'x'.repeat(5001) }, 400],
      ['POST', `/cases/${caseId}/engage`, { learned: 'x', initiatedBy: 'aliens' }, 400],
      ['POST', `/cases/${caseId}/reopen`, { reason: 'open already' }, 409],
      ['POST', '/actions', { title: '', extra: 1 }, 400],
      ['PATCH', `/actions/${await createSampleAction(ctx(), workspace.id)}`, {}, 400],
    ];
    const failures: string[] = [];
    for (const [method, path, payload, status] of bad) {
      const response = await owner(method as 'GET', path, payload);
      if (response.statusCode !== status || typeof response.json().error?.code !== 'string')
        failures.push(`${method} ${path} -> ${response.statusCode} ${response.body}`);
    }
    expect(failures).toEqual([]);
    const close = await owner('POST', `/cases/${caseId}/close`, { outcome: 'resolved' });
    expect(close.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'rootCauseThemeId',
      'actionTaken',
    ]);
  });

  it('lets a viewer read a case but never change it', async () => {
    const workspace = await createTestWorkspace(ctx());
    const viewer = as(await workspace.member('viewer'), workspace.id);
    const { caseId } = await createSampleCase(ctx(), workspace.id);
    expect((await viewer('GET', `/cases/${caseId}`)).statusCode).toBe(200);
    for (const [path, body] of [
      ['stage', { to: 'process' }],
      ['comments', { body: 'hi' }],
      ['assign', { ownerId: workspace.owner.id }],
    ] as const) {
      const response = await viewer('POST', `/cases/${caseId}/${path}`, body);
      expect(response.statusCode).toBe(403);
    }
    const read = await viewer('GET', `/cases/${caseId}`);
    expect(read.json().case.stage).toBe('engage');
    expect(read.json().timeline).toHaveLength(1);
    expect(read.json().feedback[0].text).toContain('555-0100');
  });

  it('hides personal data from viewers when the workspace redacts it', async () => {
    const workspace = await createTestWorkspace(ctx());
    const { caseId } = await createSampleCase(ctx(), workspace.id);
    await ctx().db.execute(
      sql`UPDATE workspaces SET redact_personal_data = true WHERE id = ${workspace.id}`,
    );
    const viewer = await as(await workspace.member('viewer'), workspace.id)(
      'GET',
      `/cases/${caseId}`,
    );
    expect(viewer.json().feedback[0].text).not.toContain('555-0100');
    expect(viewer.json().feedback[0].text).toContain('TPS reports');
    expect(viewer.json().contact.email).toBeNull();
    const agent = await as(await workspace.member('agent'), workspace.id)(
      'GET',
      `/cases/${caseId}`,
    );
    expect(agent.json().feedback[0].text).toContain('555-0100');
    expect(agent.json().contact.email).toMatch(/@initech\.test$/);
  });

  it("answers 404 for another workspace's case and action", async () => {
    const mine = await createTestWorkspace(ctx());
    const theirs = await createTestWorkspace(ctx());
    const { caseId } = await createSampleCase(ctx(), theirs.id);
    const actionId = await createSampleAction(ctx(), theirs.id);
    const owner = as(mine.owner, mine.id);
    for (const [method, path, body] of [
      ['GET', `/cases/${caseId}`, undefined],
      ['POST', `/cases/${caseId}/stage`, { to: 'process' }],
      ['POST', `/cases/${caseId}/comments`, { body: 'hi' }],
      ['PATCH', `/actions/${actionId}`, { status: 'shipped' }],
    ] as const) {
      const response = await owner(method, path, body);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const list = await owner('GET', '/cases');
    expect(list.json().items).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { seedItem } from './case-rules.fixture.ts';
import { routeFeedback } from './routing.service.ts';

describeEachEngine('case rules API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  async function admin() {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
      path: string,
      payload?: object,
    ) => app.inject({ method, url: `${base}${path}`, headers, ...(payload ? { payload } : {}) });
    return { workspace, call };
  }

  it('creates, lists in order, reorders, disables and removes rules', async () => {
    const { workspace, call } = await admin();
    const first = await call('POST', '/case-rules', {
      name: 'Detractors',
      conditions: [{ type: 'detractor' }],
      assignment: { strategy: 'user', userId: workspace.owner.id },
      deadlines: { engage: { hours: 4, businessHours: true }, process: { hours: 48 } },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      position: 0,
      kind: 'case',
      mergeIntoOpen: true,
      deadlines: {
        engage: { hours: 4, businessHours: true },
        process: { hours: 48, businessHours: false },
      },
    });
    const second = await call('POST', '/case-rules', {
      name: 'Praise',
      kind: 'thank_you',
      conditions: [{ type: 'positive' }],
      assignment: { strategy: 'account_owner', fallbackUserId: workspace.owner.id },
    });
    expect(second.json().position).toBe(1);
    const ids = [second.json().id, first.json().id];
    const reordered = await call('PUT', '/case-rules/order', { ruleIds: ids });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((r: { id: string }) => r.id)).toEqual(ids);
    const patched = await call('PATCH', `/case-rules/${first.json().id}`, { enabled: false });
    expect(patched.json()).toMatchObject({ enabled: false, name: 'Detractors' });
    expect((await call('DELETE', `/case-rules/${second.json().id}`)).statusCode).toBe(204);
    const list = await call('GET', '/case-rules');
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual(['Detractors']);
    expect((await call('DELETE', `/case-rules/${second.json().id}`)).statusCode).toBe(404);
  });

  it('refuses bad rules with 400 and the path of the problem', async () => {
    const { workspace, call } = await admin();
    const bad = async (body: object) => {
      const reply = await call('POST', '/case-rules', {
        name: 'x',
        conditions: [],
        assignment: { strategy: 'account_owner' },
        ...body,
      });
      expect(reply.statusCode).toBe(400);
      return reply.json().error;
    };
    expect((await bad({ conditions: [{ type: 'mood' }] })).code).toBe('invalid_request');
    await bad({ assignment: { strategy: 'round_robin', userIds: [] } });
    await bad({ deadlines: { engage: { hours: -1 } } });
    await bad({ conditions: [{ type: 'keyword', words: ['   '] }] });
    const stranger = await bad({ assignment: { strategy: 'user', userId: randomUUID() } });
    expect(stranger.details[0].path).toBe('body.assignment');
    await bad({ assignment: { strategy: 'team', teamId: randomUUID() } });
    expect((await call('PATCH', `/case-rules/${randomUUID()}`, { enabled: true })).statusCode).toBe(
      404,
    );
    expect((await call('PATCH', `/case-rules/${randomUUID()}`, {})).statusCode).toBe(400);
    const rule = await call('POST', '/case-rules', {
      name: 'ok',
      conditions: [],
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    expect(rule.statusCode).toBe(201);
    expect((await call('PUT', '/case-rules/order', { ruleIds: [randomUUID()] })).statusCode).toBe(
      400,
    );
  });

  it('previews which rule routes an item and why the ones before it did not', async () => {
    const { workspace, call } = await admin();
    const strategic = await call('POST', '/case-rules', {
      name: 'Strategic',
      conditions: [{ type: 'account_tier', tiers: ['strategic'] }],
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const detractors = await call('POST', '/case-rules', {
      name: 'Detractors',
      conditions: [{ type: 'detractor' }, { type: 'keyword', words: ['checkout'] }],
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const item = await seedItem(ctx(), workspace.id, { score: 2 });
    const preview = await call('GET', `/case-rules/preview?feedbackId=${item}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      feedbackId: item,
      rule: { id: detractors.json().id, name: 'Detractors', kind: 'case' },
      matched: [
        { type: 'detractor', detail: 'NPS 2: detractor' },
        { type: 'keyword', detail: '“checkout”' },
      ],
      tried: [{ ruleId: strategic.json().id, failed: 'account_tier', enabled: true }],
      tooOld: false,
      caseId: null,
    });
    await routeFeedback(ctx().db, workspace.id, [item], new Date());
    const after = await call('GET', `/case-rules/preview?feedbackId=${item}`);
    expect(after.json().caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call('GET', `/case-rules/preview?feedbackId=${randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/case-rules/preview?feedbackId=nope')).statusCode).toBe(400);
  });

  it('lets viewers read rules but not change them', async () => {
    const workspace = await createTestWorkspace(ctx());
    const viewer = await workspace.member('viewer');
    const base = `/api/v1/workspaces/${workspace.id}/case-rules`;
    const read = await app.inject({ method: 'GET', url: base, headers: sessionHeaders(viewer) });
    expect(read.statusCode).toBe(200);
    const write = await app.inject({
      method: 'POST',
      url: base,
      headers: sessionHeaders(viewer),
      payload: { name: 'x', conditions: [], assignment: { strategy: 'account_owner' } },
    });
    expect(write.statusCode).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestUser } from '../../test/fixtures.ts';
import { createTestCase } from './replies.fixture.ts';
import { outboxOfCase } from './replies.test-helper.ts';

const PERSONAL =
  'Peter, I went through your TPS reports with Milton this morning; the cover sheet bug is fixed and I re-ran your last export.';

describeEachEngine('replies API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  async function setup(role: 'agent' | 'viewer' | 'admin' = 'agent') {
    const workspace = await createTestWorkspace(ctx());
    const user: TestUser = await workspace.member(role);
    const target = await createTestCase(ctx(), workspace.id);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
      app.inject({
        method,
        url: `${base}${path}`,
        headers: sessionHeaders(user),
        ...(payload ? { payload } : {}),
      });
    return { workspace, target, call };
  }

  it('lets an agent reply once per idempotency key; a double click answers the same reply', async () => {
    const { workspace, target, call } = await setup();
    const payload = { body: PERSONAL, idempotencyKey: randomUUID() };
    const first = await call('POST', `/cases/${target.caseId}/replies`, payload);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ state: 'local', stock: false, duplicate: false });
    const second = await call('POST', `/cases/${target.caseId}/replies`, payload);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, duplicate: true });
    expect(await outboxOfCase(ctx(), workspace.id, target.caseId)).toHaveLength(1);
  });

  it('refuses a viewer with 403 and writes nothing', async () => {
    const { workspace, target, call } = await setup('viewer');
    const response = await call('POST', `/cases/${target.caseId}/replies`, {
      body: PERSONAL,
      idempotencyKey: randomUUID(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(await outboxOfCase(ctx(), workspace.id, target.caseId)).toEqual([]);
    expect((await call('GET', `/cases/${target.caseId}/composer`)).statusCode).toBe(403);
  });

  it('validates input: empty body, short key, unknown fields, unknown consent purpose', async () => {
    const { target, call } = await setup();
    const path = `/cases/${target.caseId}/replies`;
    for (const payload of [
      { body: '   ', idempotencyKey: randomUUID() },
      { body: PERSONAL, idempotencyKey: 'short' },
      { body: PERSONAL },
      { body: PERSONAL, idempotencyKey: randomUUID(), cc: 'boss@example.com' },
      { body: PERSONAL, idempotencyKey: randomUUID(), askConsent: ['marketing'] },
      { body: 'x'.repeat(20_001), idempotencyKey: randomUUID() },
    ]) {
      const response = await call('POST', path, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
  });

  it('answers 404 for another workspace’s case and 422 for a contact without email', async () => {
    const { target, call } = await setup();
    const other = await setup();
    const foreign = await call('POST', `/cases/${other.target.caseId}/replies`, {
      body: PERSONAL,
      idempotencyKey: randomUUID(),
    });
    expect(foreign.statusCode).toBe(404);
    await ctx().db.execute(sql`UPDATE contacts SET email = NULL WHERE id = ${target.contactId}`);
    const noEmail = await call('POST', `/cases/${target.caseId}/replies`, {
      body: PERSONAL,
      idempotencyKey: randomUUID(),
    });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.json().error).toMatchObject({ code: 'no_email' });
  });

  it('warns about a snippet sent as is, and sends it only when acknowledged', async () => {
    const { target, call } = await setup('admin');
    const created = await call('POST', '/reply-snippets', {
      name: 'Apology',
      body: 'Hi {{first_name}}, we are sorry about this and our team is looking into it right away today.',
    });
    expect(created.statusCode).toBe(201);
    const composer = (await call('GET', `/cases/${target.caseId}/composer`)).json();
    const body = composer.snippets[0].body as string;
    expect(body.startsWith('Hi Peter,')).toBe(true);
    const check = await call('POST', `/cases/${target.caseId}/replies/check`, { body });
    expect(check.json()).toMatchObject({ stock: true, snippet: { name: 'Apology' } });
    const refused = await call('POST', `/cases/${target.caseId}/replies`, {
      body,
      idempotencyKey: randomUUID(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('stock_reply');
    const anyway = await call('POST', `/cases/${target.caseId}/replies`, {
      body,
      idempotencyKey: randomUUID(),
      acknowledgeStock: true,
    });
    expect(anyway.statusCode).toBe(201);
    expect(anyway.json().stock).toBe(true);
  });

  it('lets admins manage snippets and agents read them', async () => {
    const admin = await setup('admin');
    const created = (
      await admin.call('POST', '/reply-snippets', { name: 'Thanks', body: 'Thank you!' })
    ).json();
    const renamed = await admin.call('PATCH', `/reply-snippets/${created.id}`, {
      name: 'Thank you',
    });
    expect(renamed.json()).toMatchObject({ name: 'Thank you', body: 'Thank you!' });
    expect((await admin.call('PATCH', `/reply-snippets/${created.id}`, {})).statusCode).toBe(400);
    const agent = await admin.workspace.member('agent');
    const listed = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${admin.workspace.id}/reply-snippets`,
      headers: sessionHeaders(agent),
    });
    expect(listed.json().items.map((s: { name: string }) => s.name)).toEqual(['Thank you']);
    expect((await admin.call('DELETE', `/reply-snippets/${created.id}`)).statusCode).toBe(204);
    expect((await admin.call('DELETE', `/reply-snippets/${created.id}`)).statusCode).toBe(404);
  });
});

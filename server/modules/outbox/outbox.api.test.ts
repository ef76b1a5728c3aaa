import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { suppressAddress } from '../consent/consent.service.ts';
import { createFailedMessage } from './outbox.fixture.ts';
import { enqueueMessages } from './outbox.service.ts';

describeEachEngine('outbox API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('filters by state, purpose and recipient, and shows why a message is blocked', async () => {
    const workspace = await createTestWorkspace(ctx());
    await suppressAddress(ctx().db, workspace.id, 'gone@example.test', 'bounce', '5.1.1');
    const mail = (dedupKey: string, to: string, purpose: 'survey' | 'internal') => ({
      dedupKey,
      to,
      subject: 'Hi',
      html: '<p>Hi</p>',
      text: 'Hi',
      purpose,
    });
    await enqueueMessages(ctx(), workspace.id, [
      mail('a', 'gone@example.test', 'survey'),
      mail('b', 'ada@example.test', 'survey'),
      mail('c', 'lead@acme.test', 'internal'),
    ]);
    const headers = sessionHeaders(workspace.owner);
    const list = (query: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.id}/outbox?${query}`,
        headers,
      });
    const blocked = (await list('state=blocked')).json().items;
    expect(blocked).toEqual([
      expect.objectContaining({
        to: 'gone@example.test',
        state: 'blocked',
        stateReason: 'address suppressed (bounce)',
        purpose: 'survey',
      }),
    ]);
    expect((await list('purpose=internal')).json().items.map((m: { to: string }) => m.to)).toEqual([
      'lead@acme.test',
    ]);
    expect((await list('to=ADA@')).json().items.map((m: { to: string }) => m.to)).toEqual([
      'ada@example.test',
    ]);
    const bad = await list('state=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
  });

  it('retries a failed message, and only a failed one', async () => {
    const workspace = await createTestWorkspace(ctx());
    const id = await createFailedMessage(ctx(), workspace.id);
    const headers = sessionHeaders(workspace.owner);
    const retry = (messageId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/outbox/${messageId}/retry`,
        headers,
      });
    const first = await retry(id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id, state: 'queued', attempts: 0 });
    expect((await retry(id)).statusCode).toBe(404);
    expect((await retry('not-a-uuid')).statusCode).toBe(400);
    const other = await createTestWorkspace(ctx());
    const foreign = await createFailedMessage(ctx(), other.id);
    expect((await retry(foreign)).statusCode).toBe(404);
  });
});

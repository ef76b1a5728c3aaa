import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../test/fixtures.ts';
import { buildApp } from './app.ts';

describeEachEngine('http app', ({ ctx, engine }) => {
  let app: FastifyInstance;
  let ready = false;
  beforeAll(async () => {
    app = await buildApp(ctx(), { isReady: () => ready });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers /healthz at once and /readyz only when ready', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    ready = true;
    const response = await app.inject('/readyz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', engine });
  });

  it('documents every API route in OpenAPI, with the error schema', async () => {
    const response = await app.inject('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const missing = app.apiRoutes
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
    expect(document.components.schemas.Error).toBeDefined();
    expect((await app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('sends security headers and a request id, keeping a sane incoming one', async () => {
    const response = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const hostile = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'x'.repeat(500) },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets an owner create a workspace, rename it and see it in /me', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers,
      payload: { name: 'Second shop' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${id}`,
      headers,
      payload: { name: 'Renamed shop', timezone: 'Europe/Berlin' },
    });
    expect(renamed.json()).toMatchObject({
      name: 'Renamed shop',
      timezone: 'Europe/Berlin',
      role: 'owner',
    });
    const badZone = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${id}`,
      headers,
      payload: { timezone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(400);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json().workspaces.map((w: { name: string }) => w.name)).toEqual(
      expect.arrayContaining(['Renamed shop']),
    );
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/engines.ts';
import {
  bearer,
  createTestWorkspace,
  sessionHeaders,
  type TestWorkspace,
} from '../test/fixtures.ts';
import {
  fillUrl,
  routeKey,
  routeSamples,
  routesWithoutWorkspace,
  isMemberWorkspaceRoute,
} from '../test/route-samples.ts';
import { buildApp } from './app.ts';

/**
 * Workspace A's people and keys must see nothing of workspace B: for every registered route that
 * addresses a workspace, A gets 404 — whether it names B in the URL, or names B's members, keys,
 * invitations or jobs inside its own workspace.
 */
describeEachEngine('tenancy', ({ ctx }) => {
  let app: FastifyInstance;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let aKey: string;
  beforeAll(async () => {
    app = await buildApp(ctx());
    await app.ready();
    a = await createTestWorkspace(ctx(), 'Alpha');
    b = await createTestWorkspace(ctx(), 'Beta');
    aKey = await a.apiKey('owner');
  });
  afterAll(() => app.close());

  it('classifies every registered API route', () => {
    const unclassified = app.apiRoutes
      .map(routeKey)
      .filter((key) => !(key in routeSamples) && !(key in routesWithoutWorkspace));
    expect(unclassified).toEqual([]);
    const workspaceRoutes = app.apiRoutes.filter((route) => isMemberWorkspaceRoute(route));
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(15);
    expect(workspaceRoutes.every((route) => key(route) in routeSamples)).toBe(true);
  });

  const key = routeKey;

  it("answers 404 when A's owner or A's key names workspace B", async () => {
    const failures: string[] = [];
    for (const route of app.apiRoutes.filter((r) => isMemberWorkspaceRoute(r))) {
      const sample = await routeSamples[key(route)]!(ctx(), b);
      const url = fillUrl(route.url, { workspaceId: b.id, ...sample.params });
      for (const [who, headers] of [
        ['session', sessionHeaders(a.owner)],
        ['api key', bearer(aKey)],
      ] as const) {
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: { ...headers, ...sample.headers },
          query: sample.query,
          ...(sample.body === undefined ? {} : { payload: sample.body as object }),
        });
        if (response.statusCode !== 404 || response.json().error?.code !== 'not_found') {
          failures.push(`${who} ${key(route)} -> ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 when A names B's members, keys, invitations or jobs inside its own workspace", async () => {
    const failures: string[] = [];
    const routesWithIds = app.apiRoutes.filter(
      (r) => isMemberWorkspaceRoute(r) && /:(?!workspaceId)\w+/.test(r.url),
    );
    expect(routesWithIds.length).toBeGreaterThanOrEqual(5);
    for (const route of routesWithIds) {
      const sample = await routeSamples[key(route)]!(ctx(), b);
      const url = fillUrl(route.url, { ...sample.params, workspaceId: a.id });
      const response = await app.inject({
        method: route.method as 'GET',
        url,
        headers: { ...sessionHeaders(a.owner), ...sample.headers },
        ...(sample.body === undefined ? {} : { payload: sample.body as object }),
      });
      if (response.statusCode !== 404)
        failures.push(`${key(route)} -> ${response.statusCode} ${response.body}`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps B's data out of A's lists", async () => {
    await routeSamples['POST /api/v1/workspaces/:workspaceId/api-keys']!(ctx(), b);
    await b.apiKey('viewer');
    const keys = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${a.id}/api-keys`,
      headers: sessionHeaders(a.owner),
    });
    expect(keys.json().items.map((item: { name: string }) => item.name)).not.toContain(
      'viewer key',
    );
    const members = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${a.id}/members`,
      headers: sessionHeaders(a.owner),
    });
    expect(members.json().items.map((item: { userId: string }) => item.userId)).not.toContain(
      b.owner.id,
    );
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/workspaces',
      headers: sessionHeaders(a.owner),
    });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([a.id]);
  });
});

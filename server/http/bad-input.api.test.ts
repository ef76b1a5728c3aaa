import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../test/fixtures.ts';
import { fillUrl, routeKey, routeSamples, isMemberWorkspaceRoute } from '../test/route-samples.ts';
import { buildApp } from './app.ts';

interface BadCase {
  name: string;
  request: InjectOptions;
  status: number;
  code: string;
}

/**
 * Malformed requests of every kind get a 4xx with the documented error body, never a 500.
 * Generated per route from the registered route list, plus hand-written cases per family.
 */
describeEachEngine('bad input', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx(), {});
    await app.ready();
    workspace = await createTestWorkspace(ctx());
  }, 60_000);
  afterAll(() => app.close());

  async function expectErrorBody(
    name: string,
    request: InjectOptions,
    status: number,
    code: string,
  ) {
    const response = await app.inject(request);
    expect({ name, status: response.statusCode }).toEqual({ name, status });
    const body = response.json();
    expect(body.error).toMatchObject({
      code,
      message: expect.any(String),
      details: expect.any(Array),
    });
  }

  it('rejects malformed bodies on every route that takes one', async () => {
    const headers = sessionHeaders(workspace.owner);
    const withBody = app.apiRoutes.filter(
      (route) => ['POST', 'PATCH'].includes(route.method) && isMemberWorkspaceRoute(route),
    );
    expect(withBody.length).toBeGreaterThanOrEqual(5);
    for (const route of withBody) {
      const sample = await routeSamples[routeKey(route)]!(ctx(), workspace);
      const url = fillUrl(route.url, { workspaceId: workspace.id, ...sample.params });
      const json = { ...headers, 'content-type': 'application/json' };
      // Larger than any route's body limit (the ingest API allows 16 MiB for 1,000-item batches).
      const cases: BadCase[] = [
        {
          name: 'malformed JSON',
          request: { method: route.method as 'POST', url, headers: json, payload: '{"name": ' },
          status: 400,
          code: 'invalid_json',
        },
        {
          name: 'wrong content type',
          request: {
            method: route.method as 'POST',
            url,
            headers: { ...headers, 'content-type': 'text/plain' },
            payload: 'hello',
          },
          status: 415,
          code: 'unsupported_media_type',
        },
        {
          name: 'oversize body',
          request: {
            method: route.method as 'POST',
            url,
            headers: json,
            payload: JSON.stringify({ name: 'x'.repeat(17_000_000) }),
          },
          status: 413,
          code: 'payload_too_large',
        },
      ];
      if (sample.body !== undefined) {
        cases.push(
          {
            name: 'unknown field',
            request: {
              method: route.method as 'POST',
              url,
              headers,
              payload: { ...(sample.body as object), surprise: true },
            },
            status: 400,
            code: 'invalid_request',
          },
          {
            name: 'array instead of object',
            request: { method: route.method as 'POST', url, headers, payload: [1, 2] },
            status: 400,
            code: 'invalid_request',
          },
        );
      }
      for (const bad of cases)
        await expectErrorBody(`${routeKey(route)}: ${bad.name}`, bad.request, bad.status, bad.code);
    }
  });

  it('rejects ids that are not ids on every route with path ids', async () => {
    const headers = sessionHeaders(workspace.owner);
    const withIds = app.apiRoutes.filter((route) => isMemberWorkspaceRoute(route));
    for (const route of withIds) {
      const sample = await routeSamples[routeKey(route)]!(ctx(), workspace);
      const payload =
        sample.body === undefined
          ? {}
          : { payload: sample.body as object, headers: { ...headers, ...sample.headers } };
      const badWorkspace = fillUrl(route.url, { workspaceId: 'not-a-uuid', ...sample.params });
      await expectErrorBody(
        `${routeKey(route)}: bad workspace id`,
        { method: route.method as 'GET', url: badWorkspace, headers, ...payload },
        400,
        'invalid_request',
      );
      for (const param of Object.keys(sample.params ?? {})) {
        const url = fillUrl(route.url, {
          workspaceId: workspace.id,
          ...sample.params,
          [param]: "1' OR '1'='1",
        });
        await expectErrorBody(
          `${routeKey(route)}: bad ${param}`,
          { method: route.method as 'GET', url, headers, ...payload },
          400,
          'invalid_request',
        );
      }
    }
  });

  it('rejects unknown and malformed query parameters on routes that take a query', async () => {
    const headers = sessionHeaders(workspace.owner);
    const cases: Array<[string, string]> = [
      [`/api/v1/workspaces/${workspace.id}/audit-log?limit=abc`, 'limit not a number'],
      [`/api/v1/workspaces/${workspace.id}/audit-log?limit=100000`, 'limit too large'],
      [`/api/v1/workspaces/${workspace.id}/audit-log?sneaky=1`, 'unknown parameter'],
      [`/api/v1/workspaces/${workspace.id}/jobs?state=exploded`, 'unknown state'],
      [`/api/v1/workspaces/${workspace.id}/feedback?limit=0`, 'limit zero'],
      [`/api/v1/workspaces/${workspace.id}/feedback?cursor=%%%`, 'garbage cursor'],
    ];
    for (const [url, name] of cases)
      await expectErrorBody(name, { method: 'GET', url, headers }, 400, 'invalid_request');
  });

  it('explains field problems in details', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: sessionHeaders(workspace.owner),
      payload: { email: 'not an email', role: 'emperor' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.role']));
  });

  it('answers unknown routes, bad auth headers and public-route abuse with clear 4xx', async () => {
    await expectErrorBody(
      'unknown route',
      { method: 'GET', url: '/api/v1/nothing-here' },
      404,
      'not_found',
    );
    await expectErrorBody(
      'no credentials',
      { method: 'GET', url: '/api/v1/me' },
      401,
      'unauthenticated',
    );
    await expectErrorBody(
      'basic auth',
      { method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
      401,
      'unauthenticated',
    );
    await expectErrorBody(
      'sign-in missing password',
      { method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.co' } },
      400,
      'invalid_request',
    );
    await expectErrorBody(
      'setup with bad token',
      { method: 'GET', url: '/api/v1/setup/definitely-not-a-token' },
      404,
      'not_found',
    );
    await expectErrorBody(
      'setup with short password',
      {
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          token: 'x'.repeat(43),
          name: 'A',
          email: 'a@b.co',
          password: 'short',
          workspaceName: 'W',
          demo: false,
        },
      },
      400,
      'invalid_request',
    );
    await expectErrorBody(
      'invitation with unknown token',
      {
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: 'y'.repeat(43), name: 'N', password: 'long enough password' },
      },
      404,
      'not_found',
    );
  });

  it('rate-limits sign-in attempts with 429 and the error body', async () => {
    const limited = await buildApp(ctx(), {});
    const statuses: number[] = [];
    for (let attempt = 0; attempt < ctx().config.SIGNIN_RATE_LIMIT_PER_MINUTE + 2; attempt += 1) {
      const response = await limited.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@example.test', password: 'wrong password' },
        remoteAddress: '203.0.113.9',
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('rate_limited');
    }
    await limited.close();
    expect(
      statuses
        .slice(0, ctx().config.SIGNIN_RATE_LIMIT_PER_MINUTE)
        .every((status) => status === 401),
    ).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, TEST_PASSWORD } from '../../test/fixtures.ts';
import { createSetPasswordLink, createSetupLink } from './auth.service.ts';

function cookieFrom(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return String(first).split(';')[0] ?? '';
}

describeEachEngine('auth', ({ ctx, engine }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('signs in with the right password, sets an httpOnly SameSite cookie, and audits it', async () => {
    const workspace = await createTestWorkspace(ctx());
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: workspace.owner.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = response.json();
    expect(me.user.email).toBe(workspace.owner.email);
    expect(me.workspaces).toEqual([expect.objectContaining({ id: workspace.id, role: 'owner' })]);

    const again = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieFrom(response) },
    });
    expect(again.json().user.id).toBe(workspace.owner.id);

    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(audit.json().items.map((entry: { action: string }) => entry.action)).toContain(
      'auth.sign_in',
    );
  });

  it('refuses a wrong password with 401 and records the failed attempt', async () => {
    const workspace = await createTestWorkspace(ctx());
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: workspace.owner.email, password: 'wrong password!' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
    expect(response.headers['set-cookie']).toBeUndefined();
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(audit.json().items.map((entry: { action: string }) => entry.action)).toContain(
      'auth.sign_in_failed',
    );
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const workspace = await createTestWorkspace(ctx());
    const cookie = `hearken_session=${workspace.owner.sessionToken}`;
    const url = `/api/v1/workspaces/${workspace.id}/api-keys`;
    const without = await app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { name: 'k', role: 'viewer' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-csrf-token': 'nope' },
      payload: { name: 'k', role: 'viewer' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await app.inject({
      method: 'POST',
      url,
      headers: sessionHeaders(workspace.owner),
      payload: { name: 'k', role: 'viewer' },
    });
    expect(right.statusCode).toBe(201);
  });

  it('signs out: the cookie stops working', async () => {
    const workspace = await createTestWorkspace(ctx());
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: sessionHeaders(workspace.owner),
    });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: sessionHeaders(workspace.owner),
    });
    expect(me.statusCode).toBe(401);
  });

  it('set-password links work once and end other sessions', async () => {
    const workspace = await createTestWorkspace(ctx());
    const link = await createSetPasswordLink(ctx(), workspace.owner.id);
    const token = new URL(link).searchParams.get('token') ?? '';
    const info = await app.inject({ method: 'GET', url: `/api/v1/setup/${token}` });
    expect(info.json()).toEqual({ purpose: 'set_password', email: workspace.owner.email });
    const set = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/set-password',
      payload: { token, password: 'a brand new password' },
    });
    expect(set.statusCode).toBe(200);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/set-password',
      payload: { token, password: 'another new password' },
    });
    expect(reused.statusCode).toBe(404);
    const oldSession = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: sessionHeaders(workspace.owner),
    });
    expect(oldSession.statusCode).toBe(401);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: workspace.owner.email, password: 'a brand new password' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it(`offers no setup link once users exist [${engine}]`, async () => {
    await createTestWorkspace(ctx());
    expect(await createSetupLink(ctx())).toBeUndefined();
    const status = await app.inject({ method: 'GET', url: '/api/v1/setup/status' });
    expect(status.json()).toEqual({ needsSetup: false });
  });
});

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { createAccount } from './case-rules.fixture.ts';

/** What routing reads, set through the API: account owners, touchpoint teams, team calendars. */
describeEachEngine('assignment settings API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  async function admin() {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const call = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
      app.inject({ method, url: `${base}${path}`, headers, ...(payload ? { payload } : {}) });
    return { workspace, call };
  }

  it('sets an account’s owner and tier; the owner must be a member', async () => {
    const { workspace, call } = await admin();
    const accountId = await createAccount(ctx(), workspace.id);
    const set = await call('PATCH', `/accounts/${accountId}`, {
      ownerId: workspace.owner.id,
      tier: 'strategic',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ ownerId: workspace.owner.id, tier: 'strategic' });
    expect((await call('PATCH', `/accounts/${accountId}`, { ownerId: null })).json().ownerId).toBe(
      null,
    );
    const stranger = await call('PATCH', `/accounts/${accountId}`, { ownerId: randomUUID() });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].path).toBe('body.ownerId');
    expect((await call('PATCH', `/accounts/${accountId}`, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/accounts/${randomUUID()}`, { tier: 'small' })).statusCode).toBe(
      404,
    );
  });

  it('gives a touchpoint a staff team and a team its lead, hours and holidays', async () => {
    const { workspace, call } = await admin();
    const team = await call('POST', '/staff-teams', {
      name: 'Billing',
      leadUserId: workspace.owner.id,
      businessHours: {
        timezone: 'Europe/Berlin',
        days: { mon: ['08:00', '16:00'], fri: ['08:00', '12:00'] },
      },
      holidays: ['2026-12-24'],
    });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({
      leadUserId: workspace.owner.id,
      businessHours: { timezone: 'Europe/Berlin' },
      holidays: ['2026-12-24'],
    });
    const teamId = team.json().id as string;
    const touchpoint = await call('POST', '/touchpoints', { name: 'Renewal', teamId });
    expect(touchpoint.statusCode).toBe(201);
    expect(touchpoint.json().teamId).toBe(teamId);
    const cleared = await call('PATCH', `/touchpoints/${touchpoint.json().id}`, { teamId: null });
    expect(cleared.json().teamId).toBeNull();
    expect(
      (await call('POST', '/touchpoints', { name: 'X', teamId: randomUUID() })).statusCode,
    ).toBe(400);
    const bad = [
      { businessHours: { timezone: 'Mars/Olympus', days: {} } },
      { businessHours: { timezone: 'UTC', days: { mon: ['17:00', '09:00'] } } },
      { businessHours: { timezone: 'UTC', days: { someday: ['09:00', '17:00'] } } },
      { holidays: ['24.12.2026'] },
      { leadUserId: randomUUID() },
    ];
    for (const body of bad)
      expect((await call('PATCH', `/staff-teams/${teamId}`, body)).statusCode).toBe(400);
    const patched = await call('PATCH', `/staff-teams/${teamId}`, { businessHours: null });
    expect(patched.json().businessHours).toBeNull();
  });
});

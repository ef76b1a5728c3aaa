import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import {
  createTestUser,
  createTestWorkspace,
  sessionHeaders,
  type TestWorkspace,
} from '../../test/fixtures.ts';
import { directoryVersion } from './staff-directory.service.ts';

describeEachEngine('staff directory API', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
  });
  afterAll(() => app.close());

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    role: 'owner' | 'admin' | 'viewer' = 'admin',
  ) =>
    app.inject({
      method,
      url: `/api/v1/workspaces/${workspace.id}${url}`,
      headers: sessionHeaders(await workspace.member(role)),
      ...(payload ? { payload } : {}),
    });

  it('keeps teams, people and tracked entities, and bumps the directory version on each change', async () => {
    const start = await directoryVersion(ctx().db, workspace.id);
    const team = await call('POST', '/staff-teams', {
      name: 'Support',
      aliases: ['helpdesk', 'help desk'],
      leadEmail: 'lead@example.test',
    });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({
      name: 'Support',
      aliases: ['helpdesk', 'help desk'],
      leadEmail: 'lead@example.test',
    });

    const admin = await workspace.member('admin');
    const person = await call('POST', '/staff-people', {
      name: 'Samantha Reed',
      nicknames: ['Sam'],
      teamId: team.json().id,
      email: 'sam@example.test',
      userId: admin.id,
    });
    expect(person.statusCode).toBe(201);
    expect(person.json()).toMatchObject({
      teamId: team.json().id,
      userId: admin.id,
      nicknames: ['Sam'],
    });

    const entity = await call('POST', '/tracked-entities', {
      kind: 'competitor',
      name: 'Globex',
      aliases: ['Globex Corp'],
    });
    expect(entity.json()).toMatchObject({ kind: 'competitor', name: 'Globex' });
    expect(
      (await call('PATCH', `/tracked-entities/${entity.json().id}`, { kind: 'brand' })).json().kind,
    ).toBe('brand');
    expect(
      (await call('PATCH', `/staff-people/${person.json().id}`, { nicknames: ['Sammy'] })).json()
        .nicknames,
    ).toEqual(['Sammy']);
    expect(
      (await call('PATCH', `/staff-teams/${team.json().id}`, { name: 'Customer care' })).json()
        .name,
    ).toBe('Customer care');

    // Everyone reads.
    for (const list of ['/staff-teams', '/staff-people', '/tracked-entities'])
      expect((await call('GET', list, undefined, 'viewer')).json().items).toHaveLength(1);

    // A team goes; its people stay, without a team.
    expect((await call('DELETE', `/staff-teams/${team.json().id}`)).statusCode).toBe(204);
    expect(
      (await call('GET', '/staff-people', undefined, 'viewer')).json().items[0].teamId,
    ).toBeNull();
    expect((await call('DELETE', `/staff-people/${person.json().id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/tracked-entities/${entity.json().id}`)).statusCode).toBe(204);
    expect(await directoryVersion(ctx().db, workspace.id)).toBe(start + 9);
  });

  it('refuses links outside the workspace and unknown ids', async () => {
    const stranger = await createTestUser(ctx(), 'Stranger');
    const otherWorkspace = await createTestWorkspace(ctx());
    const otherTeam = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${otherWorkspace.id}/staff-teams`,
      headers: sessionHeaders(otherWorkspace.owner),
      payload: { name: 'Theirs' },
    });
    const byUser = await call('POST', '/staff-people', { name: 'Pat', userId: stranger.id });
    expect(byUser.statusCode).toBe(400);
    expect(byUser.json().error.details).toEqual([
      { path: 'body.userId', message: 'is not a member of this workspace' },
    ]);
    expect(
      (await call('POST', '/staff-people', { name: 'Pat', teamId: otherTeam.json().id }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', `/staff-teams/${otherTeam.json().id}`, { name: 'Mine now' })).statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/staff-teams/${otherTeam.json().id}`)).statusCode).toBe(404);
    expect(
      (await call('POST', '/tracked-entities', { kind: 'planet', name: 'Mars' })).statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', '/staff-people/00000000-0000-4000-8000-000000000000', {})).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/staff-teams', { name: 'Too many', aliases: Array(21).fill('x') }))
        .statusCode,
    ).toBe(400);
    expect((await call('POST', '/staff-teams', { name: 'No' }, 'viewer')).statusCode).toBe(403);
  });
});

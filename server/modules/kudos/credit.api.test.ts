import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestUser } from '../../test/fixtures.ts';
import { createTestFeedback, createTestTeam } from '../feedback-analysis/analysis.fixture.ts';
import { createTestCase, createTestTeamWithMembers } from '../sharing/sharing.fixture.ts';

/** Kudos, sharing and loop metrics over HTTP: validation, roles and workspace isolation. */
describeEachEngine('credit, sharing and loop metrics API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  async function workspaceAs(role: 'owner' | 'agent' | 'viewer') {
    const workspace = await createTestWorkspace(ctx());
    const user: TestUser = role === 'owner' ? workspace.owner : await workspace.member(role);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const call = (method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
      app.inject({
        method,
        url: `${base}${path}`,
        headers: sessionHeaders(user),
        ...(payload ? { payload } : {}),
      });
    return { workspace, call };
  }

  it('tags kudos by hand, lists it on the wall, and removes it', async () => {
    const { workspace, call } = await workspaceAs('agent');
    const feedbackId = await createTestFeedback(ctx(), workspace.id, 'Billing sorted it all out.', {
      analyse: false,
    });
    const teamId = await createTestTeam(ctx(), workspace.id);
    const created = await call('POST', `/feedback/${feedbackId}/kudos`, { teamId });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      teamId,
      source: 'manual',
      quote: 'Billing sorted it all out.',
    });
    const again = await call('POST', `/feedback/${feedbackId}/kudos`, { teamId });
    expect(again.statusCode).toBe(200);
    const list = await call('GET', `/kudos?teamId=${teamId}`);
    expect(list.json().items).toHaveLength(1);
    const wall = await call('GET', '/kudos/wall');
    expect(wall.json().teams).toEqual([expect.objectContaining({ id: teamId, last30: 1 })]);
    const removed = await call('DELETE', `/feedback/${feedbackId}/kudos/${created.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', '/kudos')).json().items).toEqual([]);
  });

  it('validates kudos, share and metrics input with 400s, never 500', async () => {
    const { workspace, call } = await workspaceAs('owner');
    const feedbackId = await createTestFeedback(ctx(), workspace.id, 'x', { analyse: false });
    const teamId = await createTestTeam(ctx(), workspace.id);
    const { caseId } = await createTestCase(ctx(), workspace.id);
    const bad = [
      await call('POST', `/feedback/${feedbackId}/kudos`, {}),
      await call('POST', `/feedback/${feedbackId}/kudos`, { teamId, personId: teamId }),
      await call('POST', `/feedback/${feedbackId}/kudos`, { teamId, extra: 1 }),
      await call('POST', `/cases/${caseId}/share`, { destination: { kind: 'email' } }),
      await call('POST', `/cases/${caseId}/share`, { destination: { kind: 'webhook' } }),
      await call('POST', `/cases/${caseId}/share`, {
        destination: { kind: 'slack', url: 'ftp://example.com/x' },
      }),
      await call('POST', `/cases/${caseId}/share`, { destination: { kind: 'fax' } }),
      await call('GET', '/loop-metrics?by=planet'),
      await call('GET', '/loop-metrics?from=2026-05-01&to=2026-04-01'),
      await call('GET', '/loop-metrics?from=yesterday'),
      await call('GET', '/kudos/report?from=2026-01-01'),
    ];
    expect(bad.map((response) => response.statusCode)).toEqual(bad.map(() => 400));
    expect(bad[0]!.json().error.code).toBe('invalid_request');
    const unknownPerson = await call('POST', `/feedback/${feedbackId}/kudos`, {
      personId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownPerson.statusCode).toBe(404);
  });

  it('keeps another workspace’s feedback, cases, themes and teams out of reach', async () => {
    const { call } = await workspaceAs('owner');
    const other = await createTestWorkspace(ctx());
    const feedbackId = await createTestFeedback(ctx(), other.id, 'Theirs', { analyse: false });
    const theirTeam = await createTestTeamWithMembers(ctx(), other.id);
    const { caseId } = await createTestCase(ctx(), other.id);
    const tag = await call('POST', `/feedback/${feedbackId}/kudos`, { teamId: theirTeam.id });
    expect(tag.statusCode).toBe(404);
    const share = await call('POST', `/cases/${caseId}/share`, {
      teamId: theirTeam.id,
      destination: { kind: 'email' },
    });
    expect(share.statusCode).toBe(404);
    const theirs = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${caseId} AND type = 'shared'`,
    );
    expect(theirs).toEqual([{ n: 0 }]);
  });

  it('lets a viewer read metrics and the wall but not tag or share', async () => {
    const { workspace, call } = await workspaceAs('viewer');
    const { caseId } = await createTestCase(ctx(), workspace.id);
    const team = await createTestTeamWithMembers(ctx(), workspace.id);
    const metrics = await call('GET', '/loop-metrics?by=month');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.json().overall.opened).toBe(1);
    const share = await call('POST', `/cases/${caseId}/share`, {
      teamId: team.id,
      destination: { kind: 'email' },
    });
    expect(share.statusCode).toBe(403);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../db/schema/index.ts';
import { describeEachEngine } from '../test/engines.ts';
import {
  bearer,
  createTestWorkspace,
  sessionHeaders,
  type TestWorkspace,
} from '../test/fixtures.ts';
import { fillUrl, routeKey, routeSamples, isMemberWorkspaceRoute } from '../test/route-samples.ts';
import { roleAtLeast } from './access.ts';
import { buildApp } from './app.ts';

/**
 * The permission model, written down independently of the route declarations: the least role
 * that may call each workspace route. Viewers only read; agents work with feedback but cannot
 * manage members, keys or settings.
 */
const leastRole: Record<string, Role> = {
  'GET /api/v1/workspaces/:workspaceId': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/members': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId/members/:userId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/invitations': 'admin',
  'POST /api/v1/workspaces/:workspaceId/invitations': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/api-keys': 'admin',
  'POST /api/v1/workspaces/:workspaceId/api-keys': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/api-keys/:keyId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/audit-log': 'admin',
  'GET /api/v1/workspaces/:workspaceId/jobs': 'admin',
  'POST /api/v1/workspaces/:workspaceId/jobs/:jobId/retry': 'admin',
  'GET /api/v1/workspaces/:workspaceId/overview': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/feedback': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/export': 'admin',
  'GET /api/v1/workspaces/:workspaceId/contacts/:contactId/personal-data': 'admin',
  'POST /api/v1/workspaces/:workspaceId/contacts/:contactId/merge': 'agent',
  'POST /api/v1/workspaces/:workspaceId/feedback': 'agent',
  'GET /api/v1/workspaces/:workspaceId/touchpoints': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/touchpoints': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/touchpoints/:touchpointId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/listening-posts': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/listening-posts': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/listening-posts/:postId': 'admin',
  'POST /api/v1/workspaces/:workspaceId/listening-posts/:postId/signing-secret': 'admin',
  'GET /api/v1/workspaces/:workspaceId/listening-posts/:postId/sources': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/listening-posts/:postId/poll': 'admin',
  'GET /api/v1/workspaces/:workspaceId/listening-posts/:postId/mailbox': 'viewer',
  'PUT /api/v1/workspaces/:workspaceId/listening-posts/:postId/imap-password': 'admin',
  'GET /api/v1/workspaces/:workspaceId/raw-items': 'admin',
  'POST /api/v1/workspaces/:workspaceId/raw-items/:rawItemId/retry': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/contacts/:contactId/personal-data': 'admin',
  'GET /api/v1/workspaces/:workspaceId/surveys': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/surveys': 'admin',
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId/surveys/:surveyId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/invitations': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/surveys/:surveyId/invitations': 'agent',
  'GET /api/v1/workspaces/:workspaceId/outbox': 'admin',
  'POST /api/v1/workspaces/:workspaceId/outbox/:messageId/retry': 'admin',
  'GET /api/v1/workspaces/:workspaceId/contacts/:contactId/consents': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/contacts/:contactId/consents': 'agent',
  'GET /api/v1/workspaces/:workspaceId/email-suppressions': 'admin',
  'GET /api/v1/workspaces/:workspaceId/contact-limit-policies': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/contact-limit-policies': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/contact-limit-policies/:policyId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/contact-limit-policies/:policyId': 'admin',
  'POST /api/v1/workspaces/:workspaceId/imports/preview': 'admin',
  'POST /api/v1/workspaces/:workspaceId/imports': 'admin',
  'GET /api/v1/workspaces/:workspaceId/imports': 'admin',
  'GET /api/v1/workspaces/:workspaceId/imports/:importId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/themes': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/themes': 'agent',
  'GET /api/v1/workspaces/:workspaceId/themes/:themeId': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId/themes/:themeId': 'admin',
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/merge': 'admin',
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/split': 'admin',
  'POST /api/v1/workspaces/:workspaceId/themes/recluster': 'admin',
  'GET /api/v1/workspaces/:workspaceId/feedback/:feedbackId/themes': 'viewer',
  'PUT /api/v1/workspaces/:workspaceId/feedback/:feedbackId/themes': 'agent',
  'GET /api/v1/workspaces/:workspaceId/feedback/:feedbackId': 'viewer',
  'PUT /api/v1/workspaces/:workspaceId/feedback/:feedbackId/sentiment': 'agent',
  'GET /api/v1/workspaces/:workspaceId/analysis/corrections': 'admin',
  'GET /api/v1/workspaces/:workspaceId/analysis/settings': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId/analysis/settings': 'admin',
  'POST /api/v1/workspaces/:workspaceId/analysis/runs': 'admin',
  'GET /api/v1/workspaces/:workspaceId/analysis/runs': 'admin',
  'GET /api/v1/workspaces/:workspaceId/analysis/runs/:runId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/duplicates': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/staff-teams': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/staff-teams': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/staff-teams/:teamId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/staff-teams/:teamId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/staff-people': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/staff-people': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/staff-people/:personId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/staff-people/:personId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/tracked-entities': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/tracked-entities': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/tracked-entities/:entityId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/tracked-entities/:entityId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/alert-rules': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/alert-rules': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/alert-rules/:ruleId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/alert-rules/:ruleId': 'admin',
  'POST /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/destinations': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/destinations/:destinationId': 'admin',
  'POST /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/test': 'admin',
  'GET /api/v1/workspaces/:workspaceId/case-rules': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/case-rules': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/case-rules/:ruleId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/case-rules/:ruleId': 'admin',
  'PUT /api/v1/workspaces/:workspaceId/case-rules/order': 'admin',
  'GET /api/v1/workspaces/:workspaceId/case-rules/preview': 'viewer',
  'PATCH /api/v1/workspaces/:workspaceId/accounts/:accountId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/alerts': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/alerts/:alertId/acknowledge': 'agent',
  'POST /api/v1/workspaces/:workspaceId/alert-deliveries/:deliveryId/retry': 'agent',
  'GET /api/v1/workspaces/:workspaceId/spikes': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/feedback/:feedbackId/kudos': 'agent',
  'DELETE /api/v1/workspaces/:workspaceId/feedback/:feedbackId/kudos/:kudosId': 'agent',
  'GET /api/v1/workspaces/:workspaceId/kudos': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/kudos/wall': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/kudos/report': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/share': 'agent',
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/share': 'agent',
  'GET /api/v1/workspaces/:workspaceId/loop-metrics': 'viewer',
  'GET /api/v1/workspaces/:workspaceId/cases/:caseId/composer': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/replies/check': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/replies': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/invite-review': 'agent',
  'GET /api/v1/workspaces/:workspaceId/reply-snippets': 'agent',
  'POST /api/v1/workspaces/:workspaceId/reply-snippets': 'admin',
  'PATCH /api/v1/workspaces/:workspaceId/reply-snippets/:snippetId': 'admin',
  'DELETE /api/v1/workspaces/:workspaceId/reply-snippets/:snippetId': 'admin',
  'GET /api/v1/workspaces/:workspaceId/cases': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/cases': 'agent',
  'GET /api/v1/workspaces/:workspaceId/cases/:caseId': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/assign': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/engage': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/stage': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/close': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/reopen': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/comments': 'agent',
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/actions': 'agent',
  'DELETE /api/v1/workspaces/:workspaceId/cases/:caseId/actions/:actionId': 'agent',
  'GET /api/v1/workspaces/:workspaceId/actions': 'viewer',
  'POST /api/v1/workspaces/:workspaceId/actions': 'agent',
  'PATCH /api/v1/workspaces/:workspaceId/actions/:actionId': 'agent',
  'DELETE /api/v1/workspaces/:workspaceId/actions/:actionId': 'admin',
};

describeEachEngine('roles', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx());
    await app.ready();
    workspace = await createTestWorkspace(ctx());
  });
  afterAll(() => app.close());

  const workspaceRoutes = () => app.apiRoutes.filter((route) => isMemberWorkspaceRoute(route));

  it('has an expected role for every workspace route', () => {
    expect(
      workspaceRoutes()
        .map(routeKey)
        .filter((key) => !(key in leastRole)),
    ).toEqual([]);
  });

  for (const credential of ['session', 'api key'] as const) {
    it(`allows each role exactly what the matrix says (${credential})`, async () => {
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const headers =
          credential === 'session'
            ? sessionHeaders(await workspace.member(role))
            : bearer(await workspace.apiKey(role));
        for (const route of workspaceRoutes()) {
          const sample = await routeSamples[routeKey(route)]!(ctx(), workspace);
          const response = await app.inject({
            method: route.method as 'GET',
            url: fillUrl(route.url, { workspaceId: workspace.id, ...sample.params }),
            headers: { ...headers, ...sample.headers },
            query: sample.query,
            ...(sample.body === undefined ? {} : { payload: sample.body as object }),
          });
          const allowed = roleAtLeast(role, leastRole[routeKey(route)]!);
          const ok = allowed
            ? response.statusCode < 300
            : response.statusCode === 403 && response.json().error.code === 'forbidden';
          if (!ok)
            mismatches.push(
              `${role} ${routeKey(route)} -> ${response.statusCode} (expected ${allowed ? '2xx' : '403'})`,
            );
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('keeps people-only routes away from API keys', async () => {
    const headers = bearer(await workspace.apiKey('owner'));
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers,
      payload: { name: 'By key' },
    });
    expect(create.statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/v1/workspaces', headers });
    expect(list.statusCode).toBe(403);
  });

  it('refuses an admin making an owner, and an admin key minting an owner key', async () => {
    const admin = await workspace.member('admin');
    const viewer = await workspace.member('viewer');
    const promote = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}/members/${viewer.id}`,
      headers: sessionHeaders(admin),
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
    const key = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: bearer(await workspace.apiKey('admin')),
      payload: { name: 'escalate', role: 'owner' },
    });
    expect(key.statusCode).toBe(403);
  });

  it('never leaves a workspace without an owner', async () => {
    const solo = await createTestWorkspace(ctx(), 'Solo');
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${solo.id}/members/${solo.owner.id}`,
      headers: sessionHeaders(solo.owner),
      payload: { role: 'admin' },
    });
    expect(demote.statusCode).toBe(409);
    const leave = await app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${solo.id}/members/${solo.owner.id}`,
      headers: sessionHeaders(solo.owner),
    });
    expect(leave.statusCode).toBe(409);
  });

  it('rejects revoked keys and unknown keys with 401', async () => {
    const secret = await workspace.apiKey('viewer');
    const before = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    expect(before.statusCode).toBe(200);
    const keys = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: sessionHeaders(workspace.owner),
    });
    const id = keys
      .json()
      .items.find((item: { prefix: string }) => secret.startsWith(item.prefix)).id;
    await app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/api-keys/${id}`,
      headers: sessionHeaders(workspace.owner),
    });
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    expect(after.statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer('hk_not-a-real-key'),
    });
    expect(unknown.statusCode).toBe(401);
  });
});

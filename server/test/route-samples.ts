import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Role } from '../db/schema/index.ts';
import { insertJobs } from '../jobs/queue.repository.ts';
import { createApiKey } from '../modules/api-keys/api-keys.service.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.ts';
import { inviteMember } from '../modules/invitations/invitations.service.ts';
import {
  createDeadRawItem,
  createTestContact,
  createTestUser,
  type TestWorkspace,
} from './fixtures.ts';
import {
  createPost,
  createTouchpoint,
} from '../modules/listening-posts/listening-posts.service.ts';
import { createTestImport } from '../modules/imports/imports.fixture.ts';
import { multipartUpload } from './multipart.ts';
import { startReanalysis } from '../modules/feedback-analysis/reanalysis.service.ts';
import { upsertMembership } from '../modules/workspaces/workspaces.repository.ts';
import { createSampleSurvey, sampleSurveyInput } from '../modules/surveys/survey.fixture.ts';
import { createAnalysedFeedback, createTestTheme } from '../modules/themes/themes.fixture.ts';
import {
  createTestEntity,
  createTestFeedback,
  createTestPerson,
  createTestTeam,
} from '../modules/feedback-analysis/analysis.fixture.ts';
import {
  createDeadDelivery,
  createSampleAlert,
  createSampleRule,
  sampleRuleInput,
} from '../modules/alerts/alerts.fixture.ts';

import { loopRouteSamples } from './route-samples.loop.ts';

/** A valid request for a route: path params beyond :workspaceId, a body, a query string. */
export interface RouteSample {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** Extra headers, for a body that is not JSON (a multipart upload). */
  headers?: Record<string, string>;
}

export type SampleFactory = (ctx: AppContext, workspace: TestWorkspace) => Promise<RouteSample>;

const none: SampleFactory = async () => ({});

/** A feed post; a poll queued by a sample runs nowhere (no worker in these tests). */
const sampleFeedPost = {
  kind: 'feed' as const,
  name: 'Industry blogs',
  settings: { sources: [{ url: 'https://blog.example.com/feed' }], brands: [{ name: 'Acme' }] },
};
function sampleUpload(fields: Record<string, string>): RouteSample {
  const { payload, headers } = multipartUpload(fields, {
    name: 'answers.csv',
    content: 'Score,Comment\n9,Sample answer\n',
  });
  return { body: payload, headers };
}

async function freshMember(ctx: AppContext, workspace: TestWorkspace, role: Role = 'viewer') {
  const user = await createTestUser(ctx, 'Sample member');
  await upsertMembership(ctx.db, workspace.id, user.id, role);
  return user.id;
}

/**
 * One valid request per workspace route, with fresh targets each time so a request that changes
 * something (removes a member, revokes a key) does not disturb the next one. The tenancy, role and
 * bad-input tests fail for any route missing here, so every new route must add its sample.
 */
export const routeSamples: Record<string, SampleFactory> = {
  'GET /api/v1/workspaces/:workspaceId': none,
  'PATCH /api/v1/workspaces/:workspaceId': async () => ({ body: { timezone: 'Europe/Paris' } }),
  'GET /api/v1/workspaces/:workspaceId/members': none,
  'PATCH /api/v1/workspaces/:workspaceId/members/:userId': async (ctx, ws) => ({
    params: { userId: await freshMember(ctx, ws) },
    body: { role: 'agent' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': async (ctx, ws) => ({
    params: { userId: await freshMember(ctx, ws) },
  }),
  'GET /api/v1/workspaces/:workspaceId/invitations': none,
  'POST /api/v1/workspaces/:workspaceId/invitations': async () => ({
    body: { email: `invitee-${randomUUID()}@example.test`, role: 'viewer' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId': async (ctx, ws) => {
    const { invitation } = await inviteMember(
      ctx,
      ws.id,
      { email: `x-${randomUUID()}@example.test`, role: 'viewer' },
      SYSTEM_ACTOR,
      'owner',
    );
    return { params: { invitationId: invitation.id } };
  },
  'GET /api/v1/workspaces/:workspaceId/api-keys': none,
  'POST /api/v1/workspaces/:workspaceId/api-keys': async () => ({
    body: { name: 'sample key', role: 'viewer' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/api-keys/:keyId': async (ctx, ws) => {
    const { apiKey } = await createApiKey(
      ctx,
      ws.id,
      { name: 'to revoke', role: 'viewer' },
      SYSTEM_ACTOR,
      'owner',
    );
    return { params: { keyId: apiKey.id } };
  },
  'GET /api/v1/workspaces/:workspaceId/audit-log': async () => ({ query: { limit: '5' } }),
  'GET /api/v1/workspaces/:workspaceId/jobs': async () => ({ query: { state: 'dead' } }),
  'POST /api/v1/workspaces/:workspaceId/jobs/:jobId/retry': async (ctx, ws) => {
    const [id] = await insertJobs(ctx.db, [
      { name: 'sample.dead', workspaceId: ws.id, runAt: new Date(Date.now() + 3600_000) },
    ]);
    await ctx.db.execute(
      `UPDATE jobs SET state = 'dead', last_error = 'sample' WHERE id = ${Number(id)}`,
    );
    return { params: { jobId: String(id) } };
  },
  'GET /api/v1/workspaces/:workspaceId/overview': none,
  'GET /api/v1/workspaces/:workspaceId/feedback': async () => ({ query: { limit: '5' } }),
  'GET /api/v1/workspaces/:workspaceId/export': none,
  'POST /api/v1/workspaces/:workspaceId/feedback': async () => ({
    body: { text: `Sample feedback ${randomUUID()}`, score: { type: 'nps', value: 9 } },
  }),
  'GET /api/v1/workspaces/:workspaceId/touchpoints': none,
  'POST /api/v1/workspaces/:workspaceId/touchpoints': async () => ({
    body: { name: 'Renewal', description: 'The month before renewal' },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/touchpoints/:touchpointId': async (ctx, ws) => ({
    params: { touchpointId: (await createTouchpoint(ctx, ws.id, { name: 'Onboarding' })).id },
    body: { description: 'First 30 days' },
  }),
  'POST /api/v1/workspaces/:workspaceId/imports/preview': async () => sampleUpload({}),
  'POST /api/v1/workspaces/:workspaceId/imports': async (ctx, ws) => {
    const post = await createPost(ctx, ws.id, { kind: 'import', name: 'Sample upload' });
    return sampleUpload({ postId: post.id });
  },
  'GET /api/v1/workspaces/:workspaceId/imports': none,
  'GET /api/v1/workspaces/:workspaceId/themes': none,
  'POST /api/v1/workspaces/:workspaceId/themes': async () => ({
    body: { name: 'Billing: double charge', phrases: ['double charge'] },
  }),
  'GET /api/v1/workspaces/:workspaceId/themes/:themeId': async (ctx, ws) => ({
    params: { themeId: await createTestTheme(ctx, ws.id) },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/themes/:themeId': async (ctx, ws) => ({
    params: { themeId: await createTestTheme(ctx, ws.id) },
    body: { name: 'Billing: double charge', pinned: true },
  }),
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/merge': async (ctx, ws) => ({
    params: { themeId: await createTestTheme(ctx, ws.id) },
    body: { intoThemeId: await createTestTheme(ctx, ws.id) },
  }),
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/split': async (ctx, ws) => ({
    params: { themeId: await createTestTheme(ctx, ws.id) },
    body: { phrases: ['double charge'], name: 'Double charges' },
  }),
  'POST /api/v1/workspaces/:workspaceId/themes/recluster': none,
  'GET /api/v1/workspaces/:workspaceId/feedback/:feedbackId/themes': async (ctx, ws) => {
    const [feedbackId] = await createAnalysedFeedback(ctx, ws.id, [{ phrases: ['courier'] }]);
    return { params: { feedbackId: feedbackId! } };
  },
  'PUT /api/v1/workspaces/:workspaceId/feedback/:feedbackId/themes': async (ctx, ws) => {
    const [feedbackId] = await createAnalysedFeedback(ctx, ws.id, [{ phrases: ['courier'] }]);
    return {
      params: { feedbackId: feedbackId! },
      body: { themeIds: [await createTestTheme(ctx, ws.id)] },
    };
  },
  'GET /api/v1/workspaces/:workspaceId/imports/:importId': async (ctx, ws) => ({
    params: { importId: (await createTestImport(ctx, ws.id)).id },
  }),
  'GET /api/v1/workspaces/:workspaceId/listening-posts': none,
  'POST /api/v1/workspaces/:workspaceId/listening-posts': async () => ({
    body: { kind: 'api', name: 'Zendesk export' },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/listening-posts/:postId': async (ctx, ws) => ({
    params: { postId: (await createPost(ctx, ws.id, { kind: 'widget', name: 'Pricing page' })).id },
    body: { status: 'paused' },
  }),
  'POST /api/v1/workspaces/:workspaceId/listening-posts/:postId/signing-secret': async (
    ctx,
    ws,
  ) => ({
    params: { postId: (await createPost(ctx, ws.id, { kind: 'call', name: 'Support line' })).id },
  }),
  'GET /api/v1/workspaces/:workspaceId/listening-posts/:postId/sources': async (ctx, ws) => ({
    params: { postId: (await createPost(ctx, ws.id, sampleFeedPost)).id },
  }),
  'POST /api/v1/workspaces/:workspaceId/listening-posts/:postId/poll': async (ctx, ws) => ({
    params: { postId: (await createPost(ctx, ws.id, sampleFeedPost)).id },
  }),
  'GET /api/v1/workspaces/:workspaceId/listening-posts/:postId/mailbox': async (ctx, ws) => ({
    params: {
      postId: (await createPost(ctx, ws.id, { kind: 'email', name: 'Feedback inbox' })).id,
    },
  }),
  'PUT /api/v1/workspaces/:workspaceId/listening-posts/:postId/imap-password': async (ctx, ws) => ({
    params: { postId: (await createPost(ctx, ws.id, { kind: 'email', name: 'Support inbox' })).id },
    body: { password: 'app-password' },
  }),
  'GET /api/v1/workspaces/:workspaceId/raw-items': async () => ({ query: { state: 'dead' } }),
  'POST /api/v1/workspaces/:workspaceId/raw-items/:rawItemId/retry': async (ctx, ws) => ({
    params: { rawItemId: String(await createDeadRawItem(ctx, ws.id)) },
  }),
  'POST /api/v1/workspaces/:workspaceId/contacts/:contactId/merge': async (ctx, ws) => ({
    params: { contactId: await createTestContact(ctx, ws.id) },
    body: { intoContactId: await createTestContact(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/contacts/:contactId/personal-data': async (ctx, ws) => ({
    params: { contactId: await createTestContact(ctx, ws.id) },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/contacts/:contactId/personal-data': async (ctx, ws) => ({
    params: { contactId: await createTestContact(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/surveys': none,
  'POST /api/v1/workspaces/:workspaceId/surveys': async () => ({ body: sampleSurveyInput() }),
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId': async (ctx, ws) => ({
    params: { surveyId: (await createSampleSurvey(ctx, ws.id)).id },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/surveys/:surveyId': async (ctx, ws) => ({
    params: { surveyId: (await createSampleSurvey(ctx, ws.id)).id },
    body: { name: 'Renamed survey' },
  }),
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/invitations': async (ctx, ws) => ({
    params: { surveyId: (await createSampleSurvey(ctx, ws.id)).id },
  }),
  'POST /api/v1/workspaces/:workspaceId/surveys/:surveyId/invitations': async (ctx, ws) => ({
    params: { surveyId: (await createSampleSurvey(ctx, ws.id)).id },
    body: { contacts: [{ email: `invitee-${randomUUID()}@example.test` }] },
  }),
  'GET /api/v1/workspaces/:workspaceId/feedback/:feedbackId': async (ctx, ws) => ({
    params: { feedbackId: await createTestFeedback(ctx, ws.id) },
  }),
  'PUT /api/v1/workspaces/:workspaceId/feedback/:feedbackId/sentiment': async (ctx, ws) => ({
    params: { feedbackId: await createTestFeedback(ctx, ws.id) },
    body: { label: 'negative' },
  }),
  'GET /api/v1/workspaces/:workspaceId/analysis/corrections': none,
  'GET /api/v1/workspaces/:workspaceId/analysis/settings': none,
  'PATCH /api/v1/workspaces/:workspaceId/analysis/settings': async () => ({
    body: { redactPersonalData: false },
  }),
  'POST /api/v1/workspaces/:workspaceId/analysis/runs': async () => ({
    body: { scope: 'outdated' },
  }),
  'GET /api/v1/workspaces/:workspaceId/analysis/runs': none,
  'GET /api/v1/workspaces/:workspaceId/analysis/runs/:runId': async (ctx, ws) => ({
    params: {
      runId: (await startReanalysis(ctx, ws.id, 'outdated', SYSTEM_ACTOR, { queue: false })).run.id,
    },
  }),
  'GET /api/v1/workspaces/:workspaceId/duplicates': async () => ({
    query: { kind: 'many-people' },
  }),
  'GET /api/v1/workspaces/:workspaceId/staff-teams': none,
  'POST /api/v1/workspaces/:workspaceId/staff-teams': async () => ({
    body: { name: 'Support', aliases: ['helpdesk'] },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/staff-teams/:teamId': async (ctx, ws) => ({
    params: { teamId: await createTestTeam(ctx, ws.id) },
    body: { aliases: ['customer care'] },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/staff-teams/:teamId': async (ctx, ws) => ({
    params: { teamId: await createTestTeam(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/staff-people': none,
  'POST /api/v1/workspaces/:workspaceId/staff-people': async () => ({
    body: { name: 'Samantha Reed', nicknames: ['Sam'], email: 'sam@example.test' },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/staff-people/:personId': async (ctx, ws) => ({
    params: { personId: await createTestPerson(ctx, ws.id) },
    body: { nicknames: ['Sammy'] },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/staff-people/:personId': async (ctx, ws) => ({
    params: { personId: await createTestPerson(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/tracked-entities': none,
  'POST /api/v1/workspaces/:workspaceId/tracked-entities': async () => ({
    body: { kind: 'competitor', name: 'Globex', aliases: ['Globex Corp'] },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/tracked-entities/:entityId': async (ctx, ws) => ({
    params: { entityId: await createTestEntity(ctx, ws.id) },
    body: { aliases: ['exporting'] },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/tracked-entities/:entityId': async (ctx, ws) => ({
    params: { entityId: await createTestEntity(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/alert-rules': none,
  'POST /api/v1/workspaces/:workspaceId/alert-rules': async () => ({ body: sampleRuleInput() }),
  'PATCH /api/v1/workspaces/:workspaceId/alert-rules/:ruleId': async (ctx, ws) => ({
    params: { ruleId: (await createSampleRule(ctx, ws.id)).rule.id },
    body: { enabled: false },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/alert-rules/:ruleId': async (ctx, ws) => ({
    params: { ruleId: (await createSampleRule(ctx, ws.id)).rule.id },
  }),
  'POST /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/destinations': async (ctx, ws) => ({
    params: { ruleId: (await createSampleRule(ctx, ws.id)).rule.id },
    body: { kind: 'webhook', url: 'https://hooks.example.com/hearken' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/destinations/:destinationId': async (
    ctx,
    ws,
  ) => {
    const { rule } = await createSampleRule(ctx, ws.id);
    return { params: { ruleId: rule.id, destinationId: rule.destinations[0]!.id } };
  },
  'POST /api/v1/workspaces/:workspaceId/alert-rules/:ruleId/test': async (ctx, ws) => ({
    params: { ruleId: (await createSampleRule(ctx, ws.id)).rule.id },
  }),
  'GET /api/v1/workspaces/:workspaceId/alerts': async () => ({ query: { limit: '5' } }),
  'POST /api/v1/workspaces/:workspaceId/alerts/:alertId/acknowledge': async (ctx, ws) => ({
    params: { alertId: (await createSampleAlert(ctx, ws.id)).alertId },
  }),
  'POST /api/v1/workspaces/:workspaceId/alert-deliveries/:deliveryId/retry': async (ctx, ws) => ({
    params: { deliveryId: await createDeadDelivery(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/spikes': none,
  ...loopRouteSamples,
};

/**
 * Routes that address no workspace by id, and why that is safe. A new route of this kind must be
 * listed here, deliberately, or the tenancy test fails.
 */
export const routesWithoutWorkspace: Record<string, string> = {
  'GET /api/v1/me': 'describes the caller only',
  'POST /api/v1/auth/sign-in': 'public; creates a session for the person who signs in',
  'POST /api/v1/auth/sign-out': 'ends the caller’s own session',
  'GET /api/v1/setup/status': 'public; says only whether any user exists',
  'GET /api/v1/setup/:token': 'public; addressed by an unguessable one-time token',
  'POST /api/v1/setup': 'public; only valid with the one-time setup token',
  'POST /api/v1/auth/set-password': 'public; only valid with a one-time token',
  'GET /api/v1/workspaces': 'lists the caller’s own memberships',
  'POST /api/v1/workspaces': 'creates a new workspace owned by the caller',
  'POST /api/v1/feedback': 'acts on the API key’s own workspace only',
  'POST /api/v1/hooks/calls/:workspaceId/:postId':
    'public; authenticated by the post’s HMAC signature, not by membership',
  'OPTIONS /api/v1/widget/:postId/config': 'public; CORS preflight of an embedded widget',
  'OPTIONS /api/v1/widget/:postId/responses': 'public; CORS preflight of an embedded widget',
  'GET /api/v1/widget/:postId/config': 'public; what an embedded widget shows, by its post id',
  'POST /api/v1/widget/:postId/responses':
    'public; visitors answer an embedded widget, found by its post id',
  'GET /api/v1/me/personal-data': 'exports the caller’s own data',
  'DELETE /api/v1/me': 'deletes the caller’s own account',
  'GET /api/v1/invitations/:token': 'public; addressed by an unguessable invitation token',
  'POST /api/v1/invitations/accept': 'public; only valid with an invitation token',
  'POST /api/v1/events': 'acts on the API key’s own workspace only',
  'GET /api/v1/s/:token': 'public; addressed by a survey’s unguessable public token',
  'POST /api/v1/s/:token/responses': 'public; addressed by a survey’s unguessable public token',
  'POST /api/v1/s/:token/responses/:responseToken':
    'public; addressed by unguessable survey and response tokens',
};

/**
 * Routes that act inside one workspace on behalf of a member or API key. Public routes that name a
 * workspace (signed webhooks) are authenticated otherwise and are listed in routesWithoutWorkspace.
 */
export function isMemberWorkspaceRoute(route: { url: string; access: string }): boolean {
  return route.url.includes(':workspaceId') && route.access !== 'public';
}

export function fillUrl(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(value);
  });
}

export function routeKey(route: { method: string; url: string }): string {
  return `${route.method} ${route.url}`;
}

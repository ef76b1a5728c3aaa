import { randomUUID } from 'node:crypto';
import { createTestContact } from './fixtures.ts';
import { createTestTheme } from '../modules/themes/themes.fixture.ts';
import {
  createTestFeedback,
  createTestTeam,
} from '../modules/feedback-analysis/analysis.fixture.ts';
import { tagKudos } from '../modules/kudos/kudos.service.ts';
import { createTestTeamWithMembers } from '../modules/sharing/sharing.fixture.ts';
import { createTestCase, createTestSnippet } from '../modules/replies/replies.fixture.ts';
import {
  createClosedCase,
  createLinkedAction,
  createSampleAction,
  createSampleCase,
} from '../modules/cases/cases.fixture.ts';
import { createFailedMessage } from '../modules/outbox/outbox.fixture.ts';
import { createSamplePolicy } from '../modules/consent/consent.fixture.ts';
import {
  createAccount,
  createCaseRule,
  sampleCaseRuleInput,
} from '../modules/case-rules/case-rules.fixture.ts';
import { listRules as listCaseRules } from '../modules/case-rules/case-rules.service.ts';
import type { SampleFactory } from './route-samples.ts';

const none: SampleFactory = async () => ({});

/** Samples for the closed loop's routes: cases, rules, replies, consent, outbox, kudos, metrics. */
export const loopRouteSamples: Record<string, SampleFactory> = {
  'GET /api/v1/workspaces/:workspaceId/outbox': async () => ({ query: { limit: '5' } }),
  'POST /api/v1/workspaces/:workspaceId/outbox/:messageId/retry': async (ctx, ws) => ({
    params: { messageId: await createFailedMessage(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/contacts/:contactId/consents': async (ctx, ws) => ({
    params: { contactId: await createTestContact(ctx, ws.id) },
  }),
  'POST /api/v1/workspaces/:workspaceId/contacts/:contactId/consents': async (ctx, ws) => ({
    params: { contactId: await createTestContact(ctx, ws.id) },
    body: { purpose: 'follow_up', granted: true },
  }),
  'GET /api/v1/workspaces/:workspaceId/email-suppressions': none,
  'GET /api/v1/workspaces/:workspaceId/contact-limit-policies': none,
  'POST /api/v1/workspaces/:workspaceId/contact-limit-policies': async () => ({
    body: { name: 'Everyone', maxMessages: 3, windowHours: 720, minGapHours: 48 },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/contact-limit-policies/:policyId': async (ctx, ws) => ({
    params: { policyId: await createSamplePolicy(ctx, ws.id) },
    body: { maxMessages: 4 },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/contact-limit-policies/:policyId': async (ctx, ws) => ({
    params: { policyId: await createSamplePolicy(ctx, ws.id) },
  }),
  'GET /api/v1/workspaces/:workspaceId/case-rules': none,
  'POST /api/v1/workspaces/:workspaceId/case-rules': async () => ({ body: sampleCaseRuleInput() }),
  'PATCH /api/v1/workspaces/:workspaceId/case-rules/:ruleId': async (ctx, ws) => ({
    params: { ruleId: (await createCaseRule(ctx, ws.id)).id },
    body: { enabled: false },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/case-rules/:ruleId': async (ctx, ws) => ({
    params: { ruleId: (await createCaseRule(ctx, ws.id)).id },
  }),
  'PUT /api/v1/workspaces/:workspaceId/case-rules/order': async (ctx, ws) => {
    await createCaseRule(ctx, ws.id);
    const rules = await listCaseRules(ctx, ws.id);
    return { body: { ruleIds: rules.map((rule) => rule.id).reverse() } };
  },
  'PATCH /api/v1/workspaces/:workspaceId/accounts/:accountId': async (ctx, ws) => ({
    params: { accountId: await createAccount(ctx, ws.id) },
    body: { ownerId: ws.owner.id, tier: 'strategic' },
  }),
  'GET /api/v1/workspaces/:workspaceId/case-rules/preview': async (ctx, ws) => ({
    query: {
      feedbackId: await createTestFeedback(ctx, ws.id, 'Slow checkout', { analyse: false }),
    },
  }),
  'POST /api/v1/workspaces/:workspaceId/feedback/:feedbackId/kudos': async (ctx, ws) => ({
    params: { feedbackId: await createTestFeedback(ctx, ws.id, 'Thanks!', { analyse: false }) },
    body: { teamId: await createTestTeam(ctx, ws.id), quote: 'Thanks!' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/feedback/:feedbackId/kudos/:kudosId': async (ctx, ws) => {
    const feedbackId = await createTestFeedback(ctx, ws.id, 'Thanks!', { analyse: false });
    const teamId = await createTestTeam(ctx, ws.id);
    const { kudos } = await tagKudos(ctx, ws.id, feedbackId, { teamId }, null);
    return { params: { feedbackId, kudosId: kudos.id } };
  },
  'GET /api/v1/workspaces/:workspaceId/kudos': async () => ({ query: { limit: '5' } }),
  'GET /api/v1/workspaces/:workspaceId/kudos/wall': none,
  'GET /api/v1/workspaces/:workspaceId/kudos/report': async () => ({
    query: { from: '2026-01-01', to: '2026-04-01' },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/share': async (ctx, ws) => ({
    params: { caseId: (await createTestCase(ctx, ws.id)).caseId },
    body: {
      teamId: (await createTestTeamWithMembers(ctx, ws.id)).id,
      destination: { kind: 'email' },
    },
  }),
  'POST /api/v1/workspaces/:workspaceId/themes/:themeId/share': async (ctx, ws) => ({
    params: { themeId: await createTestTheme(ctx, ws.id) },
    body: {
      teamId: (await createTestTeamWithMembers(ctx, ws.id)).id,
      destination: { kind: 'email' },
    },
  }),
  'GET /api/v1/workspaces/:workspaceId/loop-metrics': async () => ({
    query: { from: '2026-01-01', to: '2026-07-01', by: 'team' },
  }),
  'GET /api/v1/workspaces/:workspaceId/cases/:caseId/composer': async (ctx, ws) => ({
    params: { caseId: (await createTestCase(ctx, ws.id)).caseId },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/replies/check': async (ctx, ws) => ({
    params: { caseId: (await createTestCase(ctx, ws.id)).caseId },
    body: { body: 'Hi Peter, I looked at your TPS reports myself this morning.' },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/replies': async (ctx, ws) => ({
    params: { caseId: (await createTestCase(ctx, ws.id)).caseId },
    body: {
      body: `Hi Peter, I looked at your TPS reports myself (${randomUUID()}).`,
      idempotencyKey: randomUUID(),
      acknowledgeStock: true,
    },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/invite-review': async (ctx, ws) => ({
    params: { caseId: (await createTestCase(ctx, ws.id)).caseId },
    body: { message: 'Would you join our next product review?', idempotencyKey: randomUUID() },
  }),
  'GET /api/v1/workspaces/:workspaceId/reply-snippets': none,
  'POST /api/v1/workspaces/:workspaceId/reply-snippets': async () => ({
    body: { name: 'Thanks', body: 'Thank you, {{first_name}}.' },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/reply-snippets/:snippetId': async (ctx, ws) => ({
    params: { snippetId: (await createTestSnippet(ctx, ws.id)).id },
    body: { name: 'Renamed' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/reply-snippets/:snippetId': async (ctx, ws) => ({
    params: { snippetId: (await createTestSnippet(ctx, ws.id)).id },
  }),
  'GET /api/v1/workspaces/:workspaceId/cases': async () => ({ query: { stage: 'open' } }),
  'POST /api/v1/workspaces/:workspaceId/cases': async (ctx, ws) => ({
    body: { feedbackIds: [(await createSampleCase(ctx, ws.id)).feedbackIds[1]!] },
  }),
  'GET /api/v1/workspaces/:workspaceId/cases/:caseId': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/assign': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: { ownerId: ws.owner.id },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/engage': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: { learned: 'The export times out on large reports.', initiatedBy: 'customer' },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/stage': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: { to: 'process', from: 'engage' },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/close': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: {
      outcome: 'resolved',
      rootCauseThemeId: await createTestTheme(ctx, ws.id),
      actionTaken: 'Raised the export limit.',
    },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/reopen': async (ctx, ws) => ({
    params: { caseId: (await createClosedCase(ctx, ws.id)).caseId },
    body: { reason: 'The customer wrote again.' },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/comments': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: { body: 'Can you call them today?', mentions: [ws.owner.id] },
  }),
  'POST /api/v1/workspaces/:workspaceId/cases/:caseId/actions': async (ctx, ws) => ({
    params: { caseId: (await createSampleCase(ctx, ws.id)).caseId },
    body: { actionId: await createSampleAction(ctx, ws.id) },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/cases/:caseId/actions/:actionId': async (ctx, ws) => {
    const { caseId, actionId } = await createLinkedAction(ctx, ws.id);
    return { params: { caseId, actionId } };
  },
  'GET /api/v1/workspaces/:workspaceId/actions': none,
  'POST /api/v1/workspaces/:workspaceId/actions': async () => ({
    body: { title: 'Raise the export limit' },
  }),
  'PATCH /api/v1/workspaces/:workspaceId/actions/:actionId': async (ctx, ws) => ({
    params: { actionId: await createSampleAction(ctx, ws.id) },
    body: { status: 'in_progress' },
  }),
  'DELETE /api/v1/workspaces/:workspaceId/actions/:actionId': async (ctx, ws) => ({
    params: { actionId: await createSampleAction(ctx, ws.id) },
  }),
};

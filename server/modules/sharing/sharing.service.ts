import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import { redactionOf } from '../alerts/deliveries.repository.ts';
import { policyFor, postNotice, type SendOutcome } from '../alerts/delivery.service.ts';
import { signatureHeader } from '../alerts/signature.ts';
import { insertEvents } from '../cases/cases.repository.ts';
import { enqueueMessages } from '../outbox/outbox.service.ts';
import * as repo from './sharing.repository.ts';
import type { ShareBody } from './sharing.schemas.ts';
import { shareEmail, shareSlack, shareWebhookBody, type ShareNotice } from './sharing.messages.ts';

export interface ShareResult {
  shareId: string;
  delivered: boolean;
  detail: string;
  recipients: number;
  responseStatus: number | null;
}

interface Sharer {
  userId: string | null;
}

const SCORE_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

async function loadTeam(ctx: AppContext, workspaceId: string, teamId: string | undefined) {
  if (!teamId) return null;
  const team = await repo.teamAudience(ctx.db, workspaceId, teamId);
  if (!team) throw errors.notFound('staff team', teamId);
  return team;
}

/** The customer's words as they may leave Hearken: redacted when the workspace hides personal data. */
async function outgoingQuotes(ctx: AppContext, workspaceId: string, quotes: repo.SharedQuote[]) {
  const redacting = await redactionOf(ctx.db, workspaceId);
  return quotes.map((quote) => ({
    ...quote,
    text: redacting ? redact(quote.text, findPersonalData(quote.text)) : quote.text,
    receivedAt: new Date(quote.receivedAt).toISOString(),
  }));
}

/**
 * Sends a notice to the destination: e-mail to the team's lead and members through the outbox
 * (deduplicated per share and address), or one POST to Slack or a webhook through the alerts'
 * guarded delivery (a webhook with a secret is signed, Stripe-style, as alerts are).
 */
async function deliver(
  ctx: AppContext,
  notice: ShareNotice,
  destination: ShareBody['destination'],
  emails: string[],
): Promise<ShareResult> {
  const base = { shareId: notice.shareId };
  if (destination.kind === 'email') {
    if (emails.length === 0)
      return {
        ...base,
        delivered: false,
        detail: 'the team has no lead e-mail and no member with an e-mail address',
        recipients: 0,
        responseStatus: null,
      };
    const content = shareEmail(notice);
    await enqueueMessages(
      ctx,
      notice.workspaceId,
      emails.map((to) => ({
        dedupKey: `share:${notice.shareId}:${to}`,
        to,
        purpose: 'internal' as const,
        ...content,
      })),
    );
    const where = ctx.config.SMTP_URL ? 'queued in the outbox' : 'kept in the outbox (no SMTP_URL)';
    return {
      ...base,
      delivered: true,
      detail: `${emails.length} e-mail(s) ${where}`,
      recipients: emails.length,
      responseStatus: null,
    };
  }
  const deps = { db: ctx.db, config: ctx.config, policy: policyFor(ctx.config) };
  let outcome: SendOutcome;
  if (destination.kind === 'slack') {
    outcome = await postNotice(deps, destination.url, JSON.stringify(shareSlack(notice)), {});
  } else {
    const body = JSON.stringify(shareWebhookBody(notice));
    const headers: Record<string, string> = {
      'x-hearken-event': notice.type,
      'x-hearken-delivery': notice.shareId,
    };
    if (destination.secret)
      headers['x-hearken-signature'] = signatureHeader(
        destination.secret,
        body,
        Math.floor(new Date(notice.sharedAt).getTime() / 1000),
      );
    outcome = await postNotice(deps, destination.url, body, headers);
  }
  return {
    ...base,
    delivered: outcome.ok,
    detail: outcome.detail,
    recipients: 0,
    responseStatus: outcome.responseStatus,
  };
}

/**
 * Shares a case with a team (or a Slack channel or webhook) with the customer's words and a link.
 * A delivered share is recorded on the case timeline as a `shared` event; one that Slack or the
 * webhook refused is reported and not recorded, so the agent can fix the URL and try again.
 */
export async function shareCase(
  ctx: AppContext,
  workspaceId: string,
  caseId: string,
  body: ShareBody,
  sharer: Sharer,
  now: Date,
): Promise<ShareResult> {
  const facts = await repo.caseFacts(ctx.db, workspaceId, caseId);
  if (!facts) throw errors.notFound('case', caseId);
  const team = await loadTeam(ctx, workspaceId, body.teamId);
  const score =
    facts.scoreType && facts.scoreBefore !== null
      ? `${SCORE_NAMES[facts.scoreType] ?? facts.scoreType} ${facts.scoreBefore}`
      : null;
  const notice: ShareNotice = {
    type: 'case.shared',
    shareId: randomUUID(),
    workspaceId,
    sharedAt: now.toISOString(),
    sharedBy: await repo.userName(ctx.db, sharer.userId),
    team: team ? { id: team.id, name: team.name } : null,
    note: body.note ?? null,
    title: `Case ${facts.number}: ${facts.title}`,
    facts: [
      ['Stage', facts.stage.replace('_', ' ')],
      ['Owner', facts.ownerName ?? 'unassigned'],
      ...(facts.teamName ? [['Team', facts.teamName] as [string, string]] : []),
      ...(facts.accountName ? [['Account', facts.accountName] as [string, string]] : []),
      ...(score ? [['Score', score] as [string, string]] : []),
    ],
    quotes: await outgoingQuotes(ctx, workspaceId, facts.quotes),
    subject: { kind: 'case', id: caseId },
    link: `${ctx.config.PUBLIC_URL}/w/${workspaceId}/cases/${caseId}`,
  };
  const result = await deliver(ctx, notice, body.destination, team?.emails ?? []);
  if (result.delivered)
    await insertEvents(ctx.db, workspaceId, [
      {
        caseId,
        type: 'shared',
        actorId: sharer.userId,
        data: {
          destination: body.destination.kind,
          teamId: team?.id ?? null,
          shareId: result.shareId,
          recipients: result.recipients,
        },
        at: now,
      },
    ]);
  return result;
}

/** Shares a theme (a recurring subject) with a team: its volume, recent quotes and a link. */
export async function shareTheme(
  ctx: AppContext,
  workspaceId: string,
  themeId: string,
  body: ShareBody,
  sharer: Sharer,
  now: Date,
): Promise<ShareResult> {
  const facts = await repo.themeFacts(ctx.db, workspaceId, themeId, now);
  if (!facts) throw errors.notFound('theme', themeId);
  const team = await loadTeam(ctx, workspaceId, body.teamId);
  const notice: ShareNotice = {
    type: 'theme.shared',
    shareId: randomUUID(),
    workspaceId,
    sharedAt: now.toISOString(),
    sharedBy: await repo.userName(ctx.db, sharer.userId),
    team: team ? { id: team.id, name: team.name } : null,
    note: body.note ?? null,
    title: `Theme: ${facts.name}`,
    facts: [
      ['Last 30 days', `${facts.items30} item(s), ${facts.negative30} negative`],
      ['Recurring', facts.recurring ? 'yes, it keeps coming back' : 'no'],
    ],
    quotes: await outgoingQuotes(ctx, workspaceId, facts.quotes),
    subject: { kind: 'theme', id: themeId },
    link: `${ctx.config.PUBLIC_URL}/w/${workspaceId}/themes/${themeId}`,
  };
  return deliver(ctx, notice, body.destination, team?.emails ?? []);
}

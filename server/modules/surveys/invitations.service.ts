import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import type { MessagePurpose } from '../../db/schema/index.ts';
import { enqueueMessages, type MailContext } from '../outbox/outbox.service.ts';
import { invitationEmail } from './email.ts';
import * as repo from './invitations.repository.ts';
import type { EventInput, Invitee } from './surveys.schemas.ts';
import * as surveys from './surveys.repository.ts';
import { parseStoredDefinition, publicUrl } from './surveys.service.ts';

export const SEND_INVITATIONS_JOB = 'surveys.send-invitations';

const toIso = (value: string | null) => (value ? new Date(value).toISOString() : null);

function present(row: repo.InvitationRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    source: row.source,
    sendAt: new Date(row.sendAt).toISOString(),
    emailedAt: toIso(row.emailedAt),
    createdAt: new Date(row.createdAt).toISOString(),
    responseState: row.responseState,
  };
}

export async function listInvitations(ctx: AppContext, workspaceId: string, surveyId: string) {
  if (!(await surveys.findSurvey(ctx.db, workspaceId, surveyId)))
    throw errors.notFound('survey', surveyId);
  return (await repo.listInvitations(ctx.db, workspaceId, surveyId, 500)).map(present);
}

/**
 * Writes the invitation emails of these invitations to the outbox, each once (an invitation
 * already emailed is skipped; the outbox's dedup key covers a crash between the two writes).
 */
export async function emailInvitations(
  ctx: MailContext,
  workspaceId: string,
  invitationIds: string[],
) {
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const fresh = new Set(
      (await repo.markEmailed(db, workspaceId, invitationIds)).map((r) => r.id),
    );
    const rows = (await repo.findInvitations(db, workspaceId, [...fresh])) ?? [];
    const bySurvey = new Map<string, Awaited<ReturnType<typeof surveys.findSurvey>>>();
    const messages = [];
    for (const invitation of rows) {
      if (!bySurvey.has(invitation.surveyId))
        bySurvey.set(
          invitation.surveyId,
          await surveys.findSurvey(db, workspaceId, invitation.surveyId),
        );
      const survey = bySurvey.get(invitation.surveyId);
      if (!survey) continue;
      const definition = parseStoredDefinition(survey.definition);
      const email = invitationEmail({
        definition,
        surveyUrl: publicUrl(ctx.config, survey.publicToken),
        invitationToken: invitation.token,
        name: invitation.name,
        language:
          invitation.language && definition.languages.includes(invitation.language)
            ? invitation.language
            : definition.defaultLanguage,
      });
      messages.push({
        dedupKey: `survey-invitation:${invitation.id}`,
        to: invitation.email,
        ...email,
      });
    }
    await enqueueMessages(ctx, workspaceId, messages, db);
  });
}

interface Planned {
  surveyId: string;
  invitee: Invitee;
  source: 'manual' | 'api' | 'event';
  eventKey: string | null;
  sendAt: Date;
}

/** Stores invitations; those due now are emailed at once, later ones by a job at their time. */
async function invite(ctx: AppContext, workspaceId: string, planned: Planned[]) {
  const inserted = await repo.insertInvitations(
    ctx.db,
    workspaceId,
    planned.map((p) => ({
      surveyId: p.surveyId,
      contactId: null,
      email: p.invitee.email,
      name: p.invitee.name ?? null,
      externalId: p.invitee.externalId ?? null,
      language: p.invitee.language ?? null,
      token: randomBytes(18).toString('base64url'),
      source: p.source,
      eventKey: p.eventKey,
      sendAt: p.sendAt,
    })),
  );
  const rows = await repo.findInvitations(
    ctx.db,
    workspaceId,
    inserted.map((row) => row.id),
  );
  const now = Date.now();
  const due = rows.filter((row) => new Date(row.sendAt).getTime() <= now);
  await emailInvitations(
    ctx,
    workspaceId,
    due.map((row) => row.id),
  );
  for (const row of rows.filter((r) => new Date(r.sendAt).getTime() > now))
    await ctx.jobs.enqueue({
      name: SEND_INVITATIONS_JOB,
      workspaceId,
      payload: { invitationIds: [row.id] },
      runAt: new Date(row.sendAt),
      uniqueKey: `survey-invitation:${row.id}`,
    });
  return rows.map((row) => ({
    ...present({ ...row, responseState: null }),
    surveyId: row.surveyId,
  }));
}

export async function inviteContacts(
  ctx: AppContext,
  workspaceId: string,
  surveyId: string,
  contacts: Invitee[],
  source: 'manual' | 'api',
) {
  const survey = await surveys.findSurvey(ctx.db, workspaceId, surveyId);
  if (!survey) throw errors.notFound('survey', surveyId);
  if (survey.status !== 'active') throw errors.conflict('This survey is paused; resume it first.');
  const sendAt = new Date();
  return invite(
    ctx,
    workspaceId,
    contacts.map((invitee) => ({ surveyId, invitee, source, eventKey: null, sendAt })),
  );
}

/**
 * An event from the customer's systems ("ticket.solved"): every active survey whose triggers
 * name its type invites the event's contact, after the trigger's delay. The same event sent
 * again (same id, or same content without one) invites nobody twice.
 */
export async function receiveEvent(ctx: AppContext, workspaceId: string, event: EventInput) {
  const matching = await surveys.surveysForEvent(ctx.db, workspaceId, event.type);
  const eventKey =
    event.id ?? `sha256:${createHash('sha256').update(JSON.stringify(event)).digest('base64url')}`;
  const occurred = event.occurredAt ? new Date(event.occurredAt).getTime() : Date.now();
  const planned: Planned[] = [];
  for (const survey of matching) {
    const definition = parseStoredDefinition(survey.definition);
    const trigger = definition.triggers.find((t) => t.event === event.type);
    if (!trigger) continue;
    planned.push({
      surveyId: survey.id,
      invitee: event.contact,
      source: 'event',
      eventKey,
      sendAt: new Date(occurred + trigger.delayMinutes * 60_000),
    });
  }
  const invitations = await invite(ctx, workspaceId, planned);
  return {
    matchedSurveys: planned.length,
    invitations: invitations.map((i) => ({ id: i.id, surveyId: i.surveyId, sendAt: i.sendAt })),
  };
}

/**
 * One invitation asked for by another module (a case's win-back survey), written and emailed at
 * once in `db` (pass a transaction), with the caller's purpose, contact and case on the message so
 * the consent and contact-limit gate applies. Once per `eventKey`: null when it exists already.
 */
export async function inviteOnBehalf(
  ctx: MailContext,
  workspaceId: string,
  input: {
    surveyId: string;
    contactId: string;
    email: string;
    name: string | null;
    eventKey: string;
    purpose: MessagePurpose;
    caseId: string | null;
  },
  db: Db = ctx.db,
): Promise<{ invitationId: string; outboxId: string | null } | null> {
  const survey = await surveys.findSurvey(db, workspaceId, input.surveyId);
  if (!survey) throw errors.notFound('survey', input.surveyId);
  const [inserted] = await repo.insertInvitations(db, workspaceId, [
    {
      surveyId: input.surveyId,
      contactId: input.contactId,
      email: input.email,
      name: input.name,
      externalId: null,
      language: null,
      token: randomBytes(18).toString('base64url'),
      source: 'event',
      eventKey: input.eventKey,
      sendAt: new Date(),
    },
  ]);
  if (!inserted) return null;
  await repo.markEmailed(db, workspaceId, [inserted.id]);
  const definition = parseStoredDefinition(survey.definition);
  const email = invitationEmail({
    definition,
    surveyUrl: publicUrl(ctx.config, survey.publicToken),
    invitationToken: inserted.token,
    name: input.name,
    language: definition.defaultLanguage,
  });
  const [written] = await enqueueMessages(
    ctx,
    workspaceId,
    [
      {
        dedupKey: `survey-invitation:${inserted.id}`,
        to: input.email,
        ...email,
        purpose: input.purpose,
        contactId: input.contactId,
        caseId: input.caseId,
      },
    ],
    db,
  );
  return { invitationId: inserted.id, outboxId: written?.id ?? null };
}

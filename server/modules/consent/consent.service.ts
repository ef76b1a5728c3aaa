import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { insertEvents } from '../cases/cases.repository.ts';
import { findMessageByMessageId } from '../outbox/outbox.service.ts';
import * as repo from './consent.repository.ts';
import { readConsentToken } from './links.ts';

export { consentLinks, type ConsentLinks } from './links.ts';

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  follow_up: 'follow-ups about your feedback',
  surveys: 'surveys',
  announcements: 'announcements',
  product_reviews: 'invitations to product reviews',
};

/** A contact's consent: the decision in force per purpose, and the history (newest first). */
export async function contactConsent(ctx: AppContext, workspaceId: string, contactId: string) {
  if (!(await repo.contactExists(ctx.db, workspaceId, contactId)))
    throw errors.notFound('contact', contactId);
  const [current, history] = await Promise.all([
    repo.currentConsents(ctx.db, workspaceId, contactId),
    repo.listConsents(ctx.db, workspaceId, contactId, 200),
  ]);
  return {
    current: CONSENT_PURPOSES.map((purpose) => {
      const row = current.find((c) => c.purpose === purpose);
      return {
        purpose,
        granted: row?.granted ?? null,
        source: row?.source ?? null,
        recordedAt: row?.recordedAt ?? null,
      };
    }),
    history,
  };
}

/** Staff (source `staff`) or an API key (source `api`) records a decision for a contact. */
export async function recordConsent(
  ctx: AppContext,
  workspaceId: string,
  contactId: string,
  input: { purpose: ConsentPurpose; granted: boolean; sourceRef?: string | null },
  by: { userId: string | null; viaApiKey: boolean },
  now: Date = new Date(),
) {
  const [row] = await repo.insertConsents(
    ctx.db,
    workspaceId,
    [
      {
        contactId,
        purpose: input.purpose,
        granted: input.granted,
        source: by.viaApiKey ? 'api' : 'staff',
        sourceRef: input.sourceRef ?? null,
        recordedBy: by.userId,
      },
    ],
    now,
  );
  if (!row) throw errors.notFound('contact', contactId);
  return row;
}

/** Adds an address to the suppression list (bounces, complaints, unsubscribes). */
export function suppressAddress(
  db: Db,
  workspaceId: string,
  address: string,
  reason: 'bounce' | 'complaint' | 'unsubscribe',
  detail: string | null,
) {
  return repo.addSuppression(db, workspaceId, address, reason, detail);
}

export function listSuppressions(ctx: AppContext, workspaceId: string, limit: number) {
  return repo.listSuppressions(ctx.db, workspaceId, limit);
}

/** What a personal link names; 404 when the token is forged or the message is gone. */
export async function openLink(ctx: AppContext, token: string) {
  const named = readConsentToken(ctx.config, token);
  if (!named) throw errors.notFound('link');
  const message = await findMessageByMessageId(ctx.db, named.workspaceId, named.messageId);
  if (!message) throw errors.notFound('link');
  const workspace = (await repo.workspaceName(ctx.db, named.workspaceId)) ?? 'us';
  return { workspaceId: named.workspaceId, workspace, message };
}

export type OpenLink = Awaited<ReturnType<typeof openLink>>;

/**
 * The withdraw page's button: `granted = false` for every purpose (source `link`). A message to an
 * address with no contact behind it suppresses the address instead, so the wish is still kept.
 */
export async function withdrawAll(ctx: AppContext, link: OpenLink, now: Date = new Date()) {
  const { message, workspaceId } = link;
  if (!message.contactId) {
    await repo.addSuppression(ctx.db, workspaceId, message.to, 'unsubscribe', 'withdraw link');
    return;
  }
  await repo.insertConsents(
    ctx.db,
    workspaceId,
    CONSENT_PURPOSES.map((purpose) => ({
      contactId: message.contactId!,
      purpose,
      granted: false,
      source: 'link' as const,
      sourceRef: message.id,
    })),
    now,
  );
}

/** RFC 8058 one-click unsubscribe: withdraw everything and suppress the address. */
export async function unsubscribe(ctx: AppContext, link: OpenLink, now: Date = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx as unknown as Db };
    await withdrawAll(inTx, link, now);
    await repo.addSuppression(
      tx as unknown as Db,
      link.workspaceId,
      link.message.to,
      'unsubscribe',
      'one-click',
    );
  });
}

/**
 * The answer to "May we contact you again about this?" from a follow-up email: recorded with
 * source `case`, and as a `consent_recorded` event on the message's case.
 */
export async function answerConsent(
  ctx: AppContext,
  link: OpenLink,
  purpose: ConsentPurpose,
  granted: boolean,
  now: Date = new Date(),
) {
  const { message, workspaceId } = link;
  if (!message.contactId) throw errors.notFound('contact for this message');
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await repo.insertConsents(
      db,
      workspaceId,
      [
        {
          contactId: message.contactId!,
          purpose,
          granted,
          source: 'case',
          sourceRef: message.caseId ?? message.id,
        },
      ],
      now,
    );
    if (message.caseId)
      await insertEvents(db, workspaceId, [
        {
          caseId: message.caseId,
          type: 'consent_recorded',
          actorId: null,
          data: { purpose, granted, via: 'link', messageId: message.id },
          at: now,
        },
      ]);
  });
}

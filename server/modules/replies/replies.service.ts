import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, errors } from '../../errors.ts';
import { findCase, insertEvents } from '../cases/cases.repository.ts';
import type { NewCaseEvent } from '../cases/case-events.ts';
import { enqueueMessages, newMessageId, type MailContext } from '../outbox/outbox.service.ts';
import { consentLinks } from './consent-links.ts';
import { fillPlaceholders, replyEmail, replySubject, type ConsentPurpose } from './reply-email.ts';
import * as repo from './replies.repository.ts';
import { generatedAddress } from '../email-in/email-settings.ts';
import { listSnippets } from './snippets.repository.ts';
import { checkStock, recordReply } from './stock.service.ts';

export const DEFAULT_SUBJECT = 'About your feedback';

/** 422: the request is well formed but cannot be done for this case (e.g. no email address). */
const unprocessable = (code: string, message: string, path: string) =>
  new AppError(code, 422, message, [{ path, message }]);

async function requireCase(db: Db, workspaceId: string, caseId: string) {
  const found = await findCase(db, workspaceId, caseId);
  if (!found) throw errors.notFound('case', caseId);
  return found;
}

async function caseContact(db: Db, workspaceId: string, contactId: string | null) {
  return contactId ? ((await repo.findContact(db, workspaceId, contactId)) ?? null) : null;
}

async function filledSnippets(
  db: Db,
  workspaceId: string,
  contact: { name: string | null; email: string | null } | null,
) {
  return (await listSnippets(db, workspaceId)).map((snippet) => ({
    id: snippet.id,
    name: snippet.name,
    body: fillPlaceholders(snippet.body, contact),
  }));
}

/** Timestamps arrive as Date objects or strings depending on the driver. */
const iso = (value: string | Date) => new Date(value).toISOString();
const presentItem = (item: repo.FeedbackItem) => ({ ...item, receivedAt: iso(item.receivedAt) });

/** Everything the composer shows: the customer's words, their history, past replies, snippets. */
export async function composerContext(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  caseId: string,
) {
  const found = await requireCase(ctx.db, workspaceId, caseId);
  const contact = await caseContact(ctx.db, workspaceId, found.contactId);
  const inbound = await repo.lastInboundEmail(ctx.db, workspaceId, caseId);
  return {
    case: { id: found.id, number: found.number, stage: found.stage, title: found.title },
    contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
    canEmail: Boolean(contact?.email),
    subject: replySubject(inbound?.subject ?? null, DEFAULT_SUBJECT),
    inReplyTo: inbound?.messageId ?? null,
    quoted: (await repo.caseFeedback(ctx.db, workspaceId, caseId)).map(presentItem),
    history: contact
      ? (await repo.contactHistory(ctx.db, workspaceId, contact.id, caseId)).map(presentItem)
      : [],
    replies: contact
      ? (await repo.pastReplies(ctx.db, workspaceId, contact.id)).map((row) => ({
          ...row,
          createdAt: iso(row.createdAt),
          sentAt: row.sentAt === null ? null : iso(row.sentAt),
        }))
      : [],
    snippets: await filledSnippets(ctx.db, workspaceId, contact),
  };
}

/** Whether a draft reads like a stock reply (see stock.service.ts). */
export async function checkReply(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  caseId: string,
  body: string,
) {
  const found = await requireCase(ctx.db, workspaceId, caseId);
  const contact = await caseContact(ctx.db, workspaceId, found.contactId);
  const snippets = await filledSnippets(ctx.db, workspaceId, contact);
  return checkStock(ctx.db, workspaceId, { body, contactId: found.contactId }, snippets);
}

export interface SendReplyInput {
  body: string;
  subject?: string | undefined;
  idempotencyKey: string;
  acknowledgeStock?: boolean | undefined;
  askConsent?: ConsentPurpose[] | undefined;
}

function presentReply(row: repo.SentReply, extra: { stock: boolean; similarity: number }) {
  return {
    id: row.id,
    messageId: row.messageId,
    subject: row.subject,
    state: row.state,
    stateReason: row.stateReason,
    createdAt: iso(row.createdAt),
    ...extra,
  };
}

/**
 * Sends a personal reply from a case to its contact, threaded under their last email, with their
 * words quoted. Once per idempotency key: a double click returns the first reply. A stock reply
 * is refused (409 `stock_reply`) unless the agent acknowledged it.
 */
export async function sendReply(
  ctx: MailContext,
  workspaceId: string,
  caseId: string,
  input: SendReplyInput,
  actorId: string | null,
  now: Date = new Date(),
) {
  const found = await requireCase(ctx.db, workspaceId, caseId);
  const contact = await caseContact(ctx.db, workspaceId, found.contactId);
  if (!contact?.email)
    throw unprocessable('no_email', 'This case’s contact has no email address.', 'contactId');
  const dedupKey = `reply:${caseId}:${input.idempotencyKey}`;
  const earlier = await repo.findReplyByDedupKey(ctx.db, workspaceId, dedupKey);
  if (earlier)
    return { ...presentReply(earlier, { stock: false, similarity: 0 }), duplicate: true };

  const snippets = await filledSnippets(ctx.db, workspaceId, contact);
  const stock = await checkStock(
    ctx.db,
    workspaceId,
    { body: input.body, contactId: contact.id },
    snippets,
  );
  if (stock.stock && !input.acknowledgeStock)
    throw new AppError(
      'stock_reply',
      409,
      `This reads like a stock reply sent to ${stock.others} others — make it personal, or send anyway with acknowledgeStock.`,
      [
        {
          path: 'body',
          message: stock.snippet
            ? `It is the snippet “${stock.snippet.name}” as it stands.`
            : `It nearly repeats replies sent to ${stock.others} other contacts (similarity ${stock.similarity}).`,
        },
        { path: 'acknowledgeStock', message: 'Set to true to send it anyway.' },
      ],
    );

  const inbound = await repo.lastInboundEmail(ctx.db, workspaceId, caseId);
  const latest = inbound ? null : (await repo.caseFeedback(ctx.db, workspaceId, caseId, 1))[0];
  const quoted = inbound
    ? { text: inbound.text, from: inbound.fromName ?? contact.name, at: iso(inbound.receivedAt) }
    : latest?.text
      ? { text: latest.text, from: contact.name, at: iso(latest.receivedAt) }
      : null;
  const messageId = newMessageId(ctx.config.MAIL_FROM);
  const purposes = [...new Set(input.askConsent ?? [])];
  const email = replyEmail({
    body: input.body,
    quoted,
    consent:
      purposes.length > 0
        ? { purposes, links: consentLinks(ctx.config, workspaceId, messageId) }
        : null,
  });
  const subject = input.subject?.trim() || replySubject(inbound?.subject ?? null, DEFAULT_SUBJECT);
  const mailbox = await repo.replyMailbox(ctx.db, workspaceId, inbound?.postId ?? null);
  const replyTo = mailbox
    ? (mailbox.address ?? generatedAddress(mailbox.id, ctx.config.INBOUND_EMAIL_DOMAIN) ?? null)
    : null;

  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [written] = await enqueueMessages(
      ctx,
      workspaceId,
      [
        {
          dedupKey,
          to: contact.email!,
          subject,
          ...email,
          purpose: 'reply',
          contactId: contact.id,
          caseId,
          messageId,
          inReplyTo: inbound?.messageId ?? null,
          replyTo,
          references: inbound ? [...new Set([...inbound.references, inbound.messageId])] : [],
        },
      ],
      db,
    );
    const row = await repo.findReplyByDedupKey(db, workspaceId, dedupKey);
    if (!row) throw new Error(`reply ${dedupKey} was not written`);
    if (!written) return { ...presentReply(row, { stock: false, similarity: 0 }), duplicate: true };
    const data = { messageId, outboxId: row.id };
    const events: NewCaseEvent[] = [
      {
        caseId,
        type: 'reply_sent',
        actorId,
        at: now,
        data: {
          ...data,
          stock: stock.stock,
          similarity: stock.similarity,
          others: stock.others,
          snippetId: stock.snippet?.id ?? null,
        },
      },
      ...purposes.map((purpose) => ({
        caseId,
        type: 'consent_requested' as const,
        actorId,
        at: now,
        data: { ...data, purpose },
      })),
    ];
    await insertEvents(db, workspaceId, events);
    await repo.markFirstResponse(db, workspaceId, caseId, now);
    await recordReply(db, workspaceId, row.id, input.body);
    return {
      ...presentReply(row, { stock: stock.stock, similarity: stock.similarity }),
      duplicate: false,
    };
  });
}

export const REVIEW_SUBJECT = 'Would you help shape what we build next?';

/** Invites the case's contact to product reviews (purpose `product_review`: consent applies). */
export async function inviteToReview(
  ctx: MailContext,
  workspaceId: string,
  caseId: string,
  input: { message: string; idempotencyKey: string },
  actorId: string | null,
  now: Date = new Date(),
) {
  const found = await requireCase(ctx.db, workspaceId, caseId);
  const contact = await caseContact(ctx.db, workspaceId, found.contactId);
  if (!contact?.email)
    throw unprocessable('no_email', 'This case’s contact has no email address.', 'contactId');
  const dedupKey = `review-invite:${caseId}:${input.idempotencyKey}`;
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [written] = await enqueueMessages(
      ctx,
      workspaceId,
      [
        {
          dedupKey,
          to: contact.email!,
          subject: REVIEW_SUBJECT,
          ...replyEmail({ body: input.message, quoted: null, consent: null }),
          purpose: 'product_review',
          contactId: contact.id,
          caseId,
        },
      ],
      db,
    );
    const row = (await repo.findReplyByDedupKey(db, workspaceId, dedupKey))!;
    if (written)
      await insertEvents(db, workspaceId, [
        {
          caseId,
          type: 'review_invited',
          actorId,
          at: now,
          data: { outboxId: row.id, messageId: row.messageId },
        },
      ]);
    return { ...presentReply(row, { stock: false, similarity: 0 }), duplicate: !written };
  });
}

import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/env.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { OutboxState } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { consentLinks } from '../consent/links.ts';
import type { Decision } from './gate.ts';
import { loadSuppressions } from './gate.repository.ts';
import { gateMessages } from './gate.service.ts';
import * as repo from './outbox.repository.ts';

export const SEND_ATTEMPTS = 5;
export type { NewMessage } from './outbox.repository.ts';

/**
 * Puts messages in the outbox. With SMTP_URL set they are queued and a job sends each one;
 * without it they stay here, in state `local`, and nothing leaves the machine. Idempotent per
 * dedup key. Pass a transaction as `db` to write them together with what caused them.
 */
export type MailContext = Pick<AppContext, 'db' | 'config' | 'jobs'>;

export async function enqueueMessages(
  ctx: MailContext,
  workspaceId: string,
  messages: repo.NewMessage[],
  db: Db = ctx.db,
  now: Date = new Date(),
) {
  const sendState = ctx.config.SMTP_URL ? 'queued' : 'local';
  const gated = await gateMessages(
    db,
    workspaceId,
    messages.map((m) => ({ to: m.to, purpose: m.purpose ?? 'survey', contactId: m.contactId })),
    now,
  );
  const rows: repo.GatedMessage[] = messages.map((m, index) => {
    const { contactId, decision } = gated[index]!;
    return {
      ...m,
      contactId,
      messageId: m.messageId ?? newMessageId(ctx.config.MAIL_FROM),
      ...stateOf(decision, sendState),
    };
  });
  const written = await repo.insertMessages(db, workspaceId, rows, SEND_ATTEMPTS);
  if (written.some((row) => row.state === 'queued')) ctx.jobs.notify();
  return written;
}

function stateOf(decision: Decision, sendState: 'queued' | 'local') {
  if (decision.state === 'send')
    return { state: sendState, stateReason: null, holdUntil: null } as const;
  return {
    state: decision.state,
    stateReason: decision.reason,
    holdUntil: decision.state === 'held' ? (decision.holdUntil?.toISOString() ?? null) : null,
  };
}

export function listOutbox(
  ctx: AppContext,
  workspaceId: string,
  limit: number,
  filter: repo.ListFilter | OutboxState = {},
) {
  return repo.listMessages(
    ctx.db,
    workspaceId,
    limit,
    typeof filter === 'string' ? { state: filter } : filter,
  );
}

/** Sends a failed message again (admin's Retry in the outbox). */
export async function retryMessage(ctx: AppContext, workspaceId: string, id: string) {
  if (!(await repo.requeueFailed(ctx.db, workspaceId, id, SEND_ATTEMPTS)))
    throw errors.notFound('failed message', id);
  ctx.jobs.notify();
  const message = await repo.findMessage(ctx.db, workspaceId, id);
  if (!message) throw errors.notFound('message', id);
  return message;
}

/**
 * Looks again at held messages whose hold time passed (or that wait for an open case), oldest
 * first, and queues, holds again or blocks each. Returns how many it looked at and released.
 */
export async function releaseHeld(db: Db, config: Config, now: Date, limit = 500) {
  const due = await repo.findDueHeld(db, now, limit);
  const sendState = config.SMTP_URL ? 'queued' : 'local';
  let released = 0;
  const byWorkspace = new Map<string, repo.HeldRow[]>();
  for (const row of due)
    byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
  for (const [workspaceId, rows] of byWorkspace) {
    const gated = await gateMessages(db, workspaceId, rows, now);
    const applied = await repo.applyRedecisions(
      db,
      workspaceId,
      rows.map((row, index) => ({ id: row.id, ...stateOf(gated[index]!.decision, sendState) })),
      SEND_ATTEMPTS,
    );
    released += applied.filter((row) => row.state === 'queued' || row.state === 'local').length;
  }
  return { looked: due.length, released };
}

/**
 * A Message-ID for a message Hearken writes: fixed when the message is written, so a resend after
 * a crash carries the same id, and a customer's reply (In-Reply-To) leads back to it.
 */
export function newMessageId(mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'hearken.localhost';
  return `${randomUUID()}@${domain}`;
}

const transports = new Map<string, Transporter>();
function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Pooled: a burst of invitations reuses a few connections instead of one per message.
    transport = nodemailer.createTransport(
      `${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true`,
    );
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export interface DeliverOptions {
  now?: Date;
  /** A `sending` row older than this belonged to a worker that died; default half the job lease. */
  staleMs?: number;
  /** Tests only: runs after the SMTP server accepted the message, before it is marked sent. */
  afterHandoff?: () => void | Promise<void>;
}

/**
 * Sends one queued message through SMTP, exactly once in every path but one (docs/email.md):
 * the message is first claimed (`queued` -> `sending`, committed), then handed to SMTP, then
 * marked `sent`. A worker that dies between SMTP's acceptance and `sent` leaves it in `sending`;
 * the job's rerun finds it stale and resends it with the SAME Message-ID. A failure is recorded on
 * the message and rethrown so the job retries; on the last attempt the message is marked failed.
 */
export async function deliverMessage(
  db: Db,
  config: Config,
  workspaceId: string,
  messageId: string,
  attempt: { number: number; max: number },
  options: DeliverOptions = {},
): Promise<void> {
  const now = options.now ?? new Date();
  if (!config.SMTP_URL) {
    const current = await repo.findMessage(db, workspaceId, messageId);
    if (current?.state === 'queued' || current?.state === 'sending')
      throw new Error('SMTP_URL is not set; this message cannot be sent');
    return;
  }
  const staleMs = options.staleMs ?? Math.floor(config.JOB_LEASE_MS / 2);
  // One statement claims it (the common case); only when nothing was claimed do we look why.
  const message = await repo.claimForSending(db, workspaceId, messageId, now, staleMs);
  if (!message) {
    const current = await repo.findMessage(db, workspaceId, messageId);
    if (current?.state === 'sending') throw new Error('another worker is sending this message');
    if (current?.state === 'queued') await blockSuppressed(db, workspaceId, current);
    return;
  }
  try {
    await transportFor(config.SMTP_URL).sendMail(mailOf(config, workspaceId, message));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await repo.markAttemptFailed(db, workspaceId, messageId, reason, attempt.number >= attempt.max);
    throw error;
  }
  await options.afterHandoff?.();
  await repo.markSent(db, workspaceId, messageId);
}

/** A queued message the claim skipped: its address was suppressed after it was written. */
async function blockSuppressed(db: Db, workspaceId: string, message: repo.MessageRow) {
  const address = message.to.trim().toLowerCase();
  const reason = (await loadSuppressions(db, workspaceId, [address])).get(address);
  if (reason) await repo.blockQueued(db, workspaceId, message.id, `address suppressed (${reason})`);
}

/** The message as nodemailer sends it: fixed Message-ID, threading, one-click unsubscribe. */
export function mailOf(config: Config, workspaceId: string, message: repo.MessageRow) {
  const headers: Record<string, string> = { 'X-Hearken-Message': message.id };
  let { html, text } = message;
  if (message.purpose !== 'internal' && message.messageId) {
    const links = consentLinks(config, workspaceId, message.messageId);
    headers['List-Unsubscribe'] = `<${links.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    text = `${text}\n\n--\nNo more emails like this: ${links.withdraw}\n`;
    html = `${html}\n<p style="font-size:12px;color:#666">No more emails like this? <a href="${escapeHtml(links.withdraw)}">Tell us here</a>.</p>`;
  }
  return {
    from: config.MAIL_FROM,
    to: message.to,
    subject: message.subject,
    html,
    text,
    messageId: message.messageId ? `<${message.messageId}>` : undefined,
    inReplyTo: message.inReplyTo ? `<${message.inReplyTo}>` : undefined,
    replyTo: message.replyTo ?? undefined,
    references: message.references.map((id) => `<${id}>`),
    headers,
  };
}

function escapeHtml(value: string) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The message a personal link or a bounce names, by its RFC 5322 Message-ID. */
export function findMessageByMessageId(db: Db, workspaceId: string, messageId: string) {
  return repo.findByMessageId(db, workspaceId, messageId);
}

/** Marks the message a delivery status notification reports on as bounced. */
export function recordBounce(
  db: Db,
  ref: { workspaceId?: string | null; messageId?: string | null; outboxId?: string | null },
  diagnostic: string,
) {
  return repo.markBounced(db, ref.workspaceId ?? null, ref, diagnostic);
}

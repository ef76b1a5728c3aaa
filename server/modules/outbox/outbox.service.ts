import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/env.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { OutboxState } from '../../db/schema/index.ts';
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
) {
  const state = ctx.config.SMTP_URL ? 'queued' : 'local';
  const withIds = messages.map((m) => ({
    ...m,
    messageId: m.messageId ?? newMessageId(ctx.config.MAIL_FROM),
  }));
  const written = await repo.insertMessages(db, workspaceId, state, withIds, SEND_ATTEMPTS);
  if (state === 'queued' && written.length > 0) ctx.jobs.notify();
  return written;
}

export function listOutbox(
  ctx: AppContext,
  workspaceId: string,
  limit: number,
  state?: OutboxState,
) {
  return repo.listMessages(ctx.db, workspaceId, limit, state);
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

/**
 * Sends one queued message through SMTP. Safe to run twice: a message already sent, failed or
 * kept local is left alone. A failure is recorded on the message and rethrown so the job retries;
 * on the last attempt the message is marked failed.
 */
export async function deliverMessage(
  db: Db,
  config: Config,
  workspaceId: string,
  messageId: string,
  attempt: { number: number; max: number },
): Promise<void> {
  const message = await repo.findMessage(db, workspaceId, messageId);
  if (!message || message.state !== 'queued') return;
  if (!config.SMTP_URL) throw new Error('SMTP_URL is not set; this message cannot be sent');
  try {
    await transportFor(config.SMTP_URL).sendMail({
      from: config.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId ? `<${message.messageId}>` : undefined,
      inReplyTo: message.inReplyTo ? `<${message.inReplyTo}>` : undefined,
      references: message.references.map((id) => `<${id}>`),
      headers: { 'X-Hearken-Message': message.id },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await repo.markAttemptFailed(db, workspaceId, messageId, reason, attempt.number >= attempt.max);
    throw error;
  }
  await repo.markSent(db, workspaceId, messageId);
}

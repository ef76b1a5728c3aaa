import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import {
  findPost,
  markPostsReceived,
  mergeSecretConfig,
} from '../listening-posts/listening-posts.service.ts';
import { generatedAddress, readEmailSettings } from './email-settings.ts';
import { handleDeliveryReport, parseDeliveryReport } from './bounce.ts';
import * as repo from './email-in.repository.ts';
import {
  keptSource,
  parseEmail,
  type EmailEnvelope,
  type EmailRawPayload,
  type ParsedEmail,
} from './parse-message.ts';

/** What storing a message needs; a job has no AppContext, so it passes these alone. */
export interface InboundDeps {
  db: Db;
  config: Pick<
    AppContext['config'],
    'EMAIL_MAX_ATTACHMENT_BYTES' | 'EMAIL_RAW_SOURCE_MAX_BYTES' | 'INBOUND_EMAIL_DOMAIN'
  >;
}

const uuid = z.uuid();

/**
 * The email post an envelope recipient is for: its own address, the same address without a
 * `+tag`, or `<post id>@<INBOUND_EMAIL_DOMAIN>`.
 */
export async function mailboxFor(deps: InboundDeps, recipient: string) {
  const address = recipient.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const untagged = `${local.split('+')[0]}@${domain}`;
  const generated =
    deps.config.INBOUND_EMAIL_DOMAIN === domain && uuid.safeParse(local).success
      ? local
      : undefined;
  return repo.findMailbox(deps.db, [...new Set([address, untagged])], generated);
}

function withoutHtml(message: EmailRawPayload['message']): EmailRawPayload['message'] {
  const { html: _html, ...rest } = message;
  return rest;
}

export interface StoredEmail {
  rawItemId: number | null;
  duplicate: boolean;
  threadId: string;
}

/**
 * Stores one parsed message for one mailbox, the SMTP and IMAP paths alike: in one transaction
 * the raw item (deduplicated by Message-ID, normalisation queued), its threading row and the
 * attachments within the size limit. A re-delivered message adds nothing.
 */
export async function storeEmail(
  deps: InboundDeps,
  mailbox: { workspaceId: string; postId: string },
  source: Buffer,
  parsed: ParsedEmail,
  envelope: EmailEnvelope,
): Promise<StoredEmail> {
  const { workspaceId, postId } = mailbox;
  const { message } = parsed;
  const result = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const parents = [...(message.inReplyTo ? [message.inReplyTo] : []), ...message.references];
    const threadId =
      (await repo.findThread(db, workspaceId, parents)) ??
      (await repo.findChildThread(db, workspaceId, message.messageId)) ??
      // An answer to a reply Hearken sent continues the thread that reply answered.
      (await repo.findThreadThroughOutbox(db, workspaceId, parents)) ??
      randomUUID();
    const keepSource = source.length <= deps.config.EMAIL_RAW_SOURCE_MAX_BYTES;
    const payload: EmailRawPayload = {
      v: 1,
      envelope,
      threadId,
      sourceSize: source.length,
      ...(keepSource ? { source: keptSource(source) } : { headers: parsed.headers }),
      // With the source kept, the HTML is in it; without, the decoded HTML is the faithful copy.
      message: keepSource ? withoutHtml(message) : message,
      attachments: parsed.attachments.map(({ content: _content, ...info }) => info),
    };
    const [stored] = await receiveRawItems(db, workspaceId, 'email', [
      { dedupKey: `email:${message.messageId}`, payload, postId },
    ]);
    if (!stored) return { rawItemId: null, duplicate: true, threadId };
    await repo.insertEmailMessage(db, workspaceId, {
      messageId: message.messageId,
      rawItemId: stored.id,
      postId,
      threadId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      fromAddress: message.from?.address ?? null,
    });
    await repo.insertAttachments(
      db,
      workspaceId,
      stored.id,
      parsed.attachments.flatMap(({ content, position, filename, contentType, size, sha256 }) =>
        content ? [{ position, filename, contentType, size, sha256, content }] : [],
      ),
    );
    // A delivery status notification about mail we sent is kept, but never becomes feedback.
    const report = parseDeliveryReport(source);
    if (report) await handleDeliveryReport(db, workspaceId, stored.id, report);
    return { rawItemId: stored.id, duplicate: false, threadId };
  });
  if (!result.duplicate) await markPostsReceived(deps, workspaceId, [postId]);
  return result;
}

/** Parses a complete message and stores it for each mailbox it was addressed to (once per workspace). */
export async function acceptEmail(
  deps: InboundDeps,
  mailboxes: Array<{ workspaceId: string; postId: string }>,
  source: Buffer,
  envelope: EmailEnvelope,
): Promise<StoredEmail[]> {
  const parsed = await parseEmail(source, deps.config.EMAIL_MAX_ATTACHMENT_BYTES);
  const byWorkspace = new Map(mailboxes.map((mailbox) => [mailbox.workspaceId, mailbox]));
  const results: StoredEmail[] = [];
  for (const mailbox of byWorkspace.values())
    results.push(await storeEmail(deps, mailbox, source, parsed, envelope));
  return results;
}

export interface EmailThread {
  threadId: string;
  /** The contact who started the thread (the first message tied to a contact). */
  contactId: string | null;
  messages: repo.ThreadMessage[];
}

/**
 * The thread the first known of these Message-IDs belongs to (for example a new message's
 * In-Reply-To and References), with its messages, feedback and contact: how replies find their
 * earlier conversation, and how a case can gather a whole exchange.
 */
export async function threadOf(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  messageIds: string[],
): Promise<EmailThread | null> {
  const ids = messageIds.map((id) => id.trim().replace(/^<|>$/g, '')).filter(Boolean);
  const threadId = await repo.findThread(ctx.db, workspaceId, ids);
  if (!threadId) return null;
  const messages = await repo.threadMessages(ctx.db, workspaceId, threadId);
  const contactId = messages.find((message) => message.contactId)?.contactId ?? null;
  return { threadId, contactId, messages };
}

async function requireEmailPost(ctx: AppContext, workspaceId: string, postId: string) {
  const post = await findPost(ctx, workspaceId, postId);
  if (!post || post.kind !== 'email') throw errors.notFound('email listening post', postId);
  return post;
}

/** Where to send mail for this post, and whether IMAP polling is set up (never the password). */
export async function describeMailbox(ctx: AppContext, workspaceId: string, postId: string) {
  const post = await requireEmailPost(ctx, workspaceId, postId);
  const settings = readEmailSettings(post.settings);
  const generated = generatedAddress(post.id, ctx.config.INBOUND_EMAIL_DOMAIN);
  return {
    addresses: [settings.address, generated].filter((a): a is string => Boolean(a)),
    smtp: ctx.config.SMTP_INBOUND_PORT !== undefined,
    maxMessageBytes: ctx.config.EMAIL_MAX_MESSAGE_BYTES,
    maxAttachmentBytes: ctx.config.EMAIL_MAX_ATTACHMENT_BYTES,
    imap: settings.imap
      ? { ...settings.imap, passwordSet: typeof post.config['imapPassword'] === 'string' }
      : null,
  };
}

/** Stores (or, with null, removes) the IMAP password beside the post's settings; it is never returned. */
export async function setImapPassword(
  ctx: AppContext,
  workspaceId: string,
  postId: string,
  password: string | null,
) {
  await requireEmailPost(ctx, workspaceId, postId);
  await mergeSecretConfig(ctx, workspaceId, postId, { imapPassword: password });
  return describeMailbox(ctx, workspaceId, postId);
}

/**
 * Part of erasing a contact: the attachments and sender address of the emails their feedback came
 * from. Call inside the erasure's transaction, before the feedback loses its contact.
 */
export function eraseEmailsOfContact(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  contactId: string,
) {
  return repo.eraseEmailsOfContact(ctx.db, workspaceId, contactId);
}

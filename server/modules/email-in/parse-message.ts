import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { z } from 'zod';
import { htmlToPlainText } from './html-text.ts';

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface EmailAttachmentInfo {
  position: number;
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  /** false when it exceeded the per-attachment limit: listed, not kept. */
  stored: boolean;
}

/** How a message reached us: SMTP envelope or IMAP mailbox. */
export interface EmailEnvelope {
  via: 'smtp' | 'imap';
  mailFrom: string | null;
  rcptTo: string[];
  remoteAddress: string | null;
}

/**
 * The raw item of an inbound email. `source` is the full RFC 822 message when it fits the
 * configured limit (EMAIL_RAW_SOURCE_MAX_BYTES); otherwise `headers` keeps the header block
 * verbatim, `message` the decoded bodies and the attachments sit in email_attachments. Either way
 * the parsed facts are kept, because normalisers are synchronous and cannot run a MIME parser.
 */
export interface EmailRawPayload {
  v: 1;
  envelope: EmailEnvelope;
  threadId: string;
  sourceSize: number;
  source?: { encoding: 'utf8' | 'base64'; data: string };
  headers?: string;
  message: {
    messageId: string;
    hasMessageId: boolean;
    inReplyTo: string | null;
    references: string[];
    subject: string | null;
    date: string | null;
    from: MailAddress | null;
    /** The From header as written, kept when it holds no usable address. */
    fromHeader: string | null;
    to: MailAddress[];
    cc: MailAddress[];
    text: string;
    html?: string;
  };
  attachments: EmailAttachmentInfo[];
}

export interface ParsedEmail {
  message: EmailRawPayload['message'];
  headers: string;
  attachments: Array<EmailAttachmentInfo & { content: Buffer | null }>;
}

const emailSchema = z.email();

/** Message-IDs without their angle brackets; ids are compared exactly, as RFC 5322 says. */
export function cleanMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').trim();
}

function idList(value: string | string[] | undefined): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : (value ?? '');
  // Some clients omit the angle brackets; then the ids are separated by white space.
  const ids = raw.match(/<[^<>\s]+>/g) ?? raw.split(/\s+/);
  return [...new Set(ids.map(cleanMessageId).filter(Boolean))].slice(0, 100);
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry) => entry.address && emailSchema.safeParse(entry.address).success)
    .map((entry) => ({ name: entry.name || null, address: entry.address!.toLowerCase() }))
    .slice(0, 200);
}

function headerBlock(source: Buffer): string {
  const end = source.indexOf('\r\n\r\n');
  const lfEnd = source.indexOf('\n\n');
  const at = end === -1 ? lfEnd : lfEnd === -1 ? end : Math.min(end, lfEnd);
  return source.subarray(0, at === -1 ? source.length : at).toString('latin1');
}

/**
 * Parses a complete message with mailparser. HTML-only mail gets the text mailparser derives from
 * the HTML; a message without a Message-ID gets one from the hash of its source, so a re-delivery
 * of the same bytes is still recognised.
 */
export async function parseEmail(source: Buffer, maxAttachmentBytes: number): Promise<ParsedEmail> {
  const mail = await simpleParser(source, { skipImageLinks: true });
  const hasMessageId = Boolean(mail.messageId && cleanMessageId(mail.messageId));
  const messageId = hasMessageId
    ? cleanMessageId(mail.messageId!)
    : `sha256:${createHash('sha256').update(source).digest('hex')}`;
  const [from] = addresses(mail.from);
  const fromHeader = mail.from?.text ?? null;
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  // mailparser derives text from HTML-only mail, but not from an HTML part inside multipart/mixed.
  const text = mail.text?.trim() ? mail.text : html ? htmlToPlainText(html) : '';
  return {
    headers: headerBlock(source),
    message: {
      messageId,
      hasMessageId,
      inReplyTo: idList(mail.inReplyTo)[0] ?? null,
      references: idList(mail.references),
      subject: mail.subject ?? null,
      date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
      from: from ?? null,
      fromHeader,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      text,
      ...(html !== undefined ? { html } : {}),
    },
    attachments: mail.attachments.map((attachment, position) => {
      const stored = attachment.size <= maxAttachmentBytes;
      return {
        position,
        filename: attachment.filename ?? null,
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: createHash('sha256').update(attachment.content).digest('hex'),
        stored,
        content: stored ? attachment.content : null,
      };
    }),
  };
}

/** The source kept in the raw item: as text when it is clean UTF-8 (readable in the database), else base64. */
export function keptSource(source: Buffer): NonNullable<EmailRawPayload['source']> {
  const text = source.toString('utf8');
  const clean = !text.includes('\u0000') && Buffer.from(text, 'utf8').equals(source);
  return clean
    ? { encoding: 'utf8', data: text }
    : { encoding: 'base64', data: source.toString('base64') };
}

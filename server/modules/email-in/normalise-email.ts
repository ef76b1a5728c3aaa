import { z } from 'zod';
import type { Normaliser } from '../ingest/normalise.ts';
import { reasonsOf } from '../ingest/normalise.ts';
import { MAX_TEXT_LENGTH } from '../ingest/ingest.schemas.ts';
import { splitReply } from './reply-splitter.ts';

const address = z.object({ name: z.string().nullable(), address: z.string() });

/** The part of the stored email the normaliser reads (see EmailRawPayload). */
const storedEmailSchema = z.object({
  v: z.literal(1),
  envelope: z.object({ via: z.enum(['smtp', 'imap']) }),
  threadId: z.string(),
  message: z.object({
    messageId: z.string(),
    inReplyTo: z.string().nullable(),
    references: z.array(z.string()),
    subject: z.string().nullable(),
    date: z.string().nullable(),
    from: address.nullable(),
    fromHeader: z.string().nullable(),
    to: z.array(address),
    cc: z.array(address),
    text: z.string(),
  }),
  attachments: z.array(
    z.object({
      position: z.number(),
      filename: z.string().nullable(),
      contentType: z.string(),
      size: z.number(),
      stored: z.boolean(),
    }),
  ),
});

/**
 * An inbound email becomes feedback: the text is what the sender newly wrote (quoted history and
 * signature go to metadata), the contact is the From address when it is a real address (a
 * missing or broken From keeps the feedback, without a contact), and the thread, subject and
 * attachments are kept in metadata.
 */
export const normaliseEmail: Normaliser = (raw) => {
  const parsed = storedEmailSchema.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a stored email: ${reasonsOf(parsed.error)}`);
  const { message, attachments, threadId, envelope } = parsed.data;
  // Feedback text is at most MAX_TEXT_LENGTH; a longer body is split on its beginning only.
  const split = splitReply(message.text.slice(0, 2 * MAX_TEXT_LENGTH));
  // An empty body (a subject-only note) still says something: the subject.
  const text = split.text || message.subject?.trim() || '';
  return {
    channel: 'email',
    touchpointId: raw.postTouchpointId,
    scoreType: null,
    score: null,
    text: text.slice(0, MAX_TEXT_LENGTH),
    receivedAt: new Date(raw.receivedAt).toISOString(),
    contact: message.from
      ? { email: message.from.address, name: message.from.name ?? undefined }
      : undefined,
    metadata: {
      subject: message.subject,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      threadId,
      sentAt: message.date,
      from: message.from ?? { header: message.fromHeader },
      to: message.to,
      cc: message.cc,
      quoted: split.quoted,
      signature: split.signature,
      attachments,
      via: envelope.via,
      ...(text.length > MAX_TEXT_LENGTH || message.text.length > 2 * MAX_TEXT_LENGTH
        ? { textTruncated: true, bodyLength: message.text.length }
        : {}),
    },
  };
};

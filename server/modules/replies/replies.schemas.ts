import { z } from 'zod';
import { OUTBOX_STATES } from '../../db/schema/index.ts';
import { CONSENT_PURPOSES } from './reply-email.ts';

export const MAX_REPLY_LENGTH = 20_000;

export const caseParams = z.strictObject({ workspaceId: z.uuid(), caseId: z.uuid() });
export const snippetParams = z.strictObject({ workspaceId: z.uuid(), snippetId: z.uuid() });

const replyBody = z.string().trim().min(1).max(MAX_REPLY_LENGTH);
/** Chosen by the client once per compose (e.g. a UUID), so a double click sends once. */
const idempotencyKey = z.string().trim().min(8).max(100);

export const checkReplyInput = z.strictObject({ body: replyBody });

export const sendReplyInput = z.strictObject({
  body: replyBody,
  subject: z.string().trim().min(1).max(300).optional(),
  idempotencyKey,
  acknowledgeStock: z.boolean().optional(),
  askConsent: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).optional(),
});

export const inviteReviewInput = z.strictObject({
  message: replyBody,
  idempotencyKey,
});

export const snippetInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(MAX_REPLY_LENGTH),
});
export const snippetPatch = snippetInput.partial().refine((v) => Object.keys(v).length > 0, {
  message: 'change at least one field',
});

export const stockCheckSchema = z.object({
  stock: z.boolean(),
  others: z.number().int(),
  similarity: z.number(),
  snippet: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const sentReplySchema = z.object({
  id: z.string(),
  messageId: z.string().nullable(),
  subject: z.string(),
  state: z.enum(OUTBOX_STATES),
  stateReason: z.string().nullable(),
  createdAt: z.string(),
  stock: z.boolean(),
  similarity: z.number(),
  duplicate: z.boolean(),
});

export const snippetSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

const feedbackItemSchema = z.object({
  id: z.string(),
  channel: z.string(),
  text: z.string(),
  subject: z.string().nullable(),
  scoreType: z.string().nullable(),
  score: z.number().nullable(),
  receivedAt: z.string(),
});

export const composerSchema = z.object({
  case: z.object({ id: z.string(), number: z.number(), stage: z.string(), title: z.string() }),
  contact: z
    .object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  canEmail: z.boolean(),
  subject: z.string(),
  inReplyTo: z.string().nullable(),
  quoted: z.array(feedbackItemSchema),
  history: z.array(feedbackItemSchema),
  replies: z.array(
    z.object({
      id: z.string(),
      caseId: z.string().nullable(),
      purpose: z.string(),
      subject: z.string(),
      text: z.string(),
      state: z.enum(OUTBOX_STATES),
      stateReason: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  snippets: z.array(z.object({ id: z.string(), name: z.string(), body: z.string() })),
});

import { z } from 'zod';
import { CHANNELS, CONTACT_LEVELS, SCORE_TYPES } from '../../db/schema/index.ts';

/** Largest text of one feedback item; longer texts are refused, never cut silently. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_BATCH = 1000;

const scoreRange = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

export const feedbackItemSchema = z
  .strictObject({
    text: z.string().max(MAX_TEXT_LENGTH).default(''),
    score: z
      .strictObject({ type: z.enum(SCORE_TYPES), value: z.number().int() })
      .refine(({ type, value }) => value >= scoreRange[type][0] && value <= scoreRange[type][1], {
        message: 'is outside the scale (NPS 0–10, CSAT 1–5, CES 1–7)',
        path: ['value'],
      })
      .optional(),
    channel: z
      .enum(CHANNELS)
      .optional()
      .describe('Where the customer said it; defaults to the listening post’s channel'),
    receivedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the customer said it; defaults to now'),
    externalId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Your id for this item; a second item with the same id is a duplicate'),
    touchpointId: z.uuid().optional(),
    postId: z.uuid().optional(),
    contact: z
      .strictObject({
        email: z.email().max(254).optional(),
        externalId: z.string().min(1).max(200).optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 ().-]{5,32}$/, 'is not a phone number')
          .optional(),
        socialHandle: z.string().min(2).max(200).optional(),
        name: z.string().max(200).optional(),
        level: z.enum(CONTACT_LEVELS).optional(),
      })
      .optional(),
    account: z
      .strictObject({
        externalId: z.string().min(1).max(200).optional(),
        name: z.string().min(1).max(200).optional(),
        domain: z
          .string()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'is not a domain')
          .max(253)
          .optional(),
      })
      .optional(),
    metadata: z
      .record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .optional(),
  })
  .refine((item) => item.text.trim() !== '' || item.score !== undefined, {
    message: 'give a text, a score, or both',
    path: ['text'],
  })
  .meta({ id: 'NewFeedbackItem' });

export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

const batchSchema = z.strictObject({ items: z.array(feedbackItemSchema).min(1).max(MAX_BATCH) });

/**
 * One item, or `{ items: [...] }`. A single item is read as a batch of one, so every error names
 * the item it is about (`body.items.3.score.value`) and the service sees one shape.
 */
export const ingestBodySchema = z
  .preprocess(
    (body) =>
      typeof body === 'object' && body !== null && !Array.isArray(body) && !('items' in body)
        ? { items: [body] }
        : body,
    batchSchema,
  )
  .meta({
    id: 'FeedbackBatch',
    description: 'One FeedbackItem, or { "items": [FeedbackItem, ...] } with up to 1,000 items',
    examples: [
      {
        text: 'Checkout was quick, but delivery took nine days.',
        score: { type: 'nps', value: 6 },
        externalId: 'ticket-48213',
        receivedAt: '2026-11-20T09:30:00Z',
        contact: { email: 'ana@initech.example', name: 'Ana Lima' },
        account: { externalId: 'crm-0042', name: 'Initech' },
      },
      {
        items: [
          { text: 'Sam at the front desk was brilliant.', score: { type: 'csat', value: 5 } },
          {
            text: 'Still waiting for my refund.',
            channel: 'email',
            contact: { email: 'lee@example.org' },
            metadata: { orderId: 'A-1009' },
          },
        ],
      },
    ],
  });

export const ingestHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1–200 visible ASCII characters')
    .optional()
    .describe('Repeat a request with the same key and nothing is added twice'),
});

export const ingestReplySchema = z
  .object({
    accepted: z.number().describe('New items stored'),
    duplicates: z.number().describe('Items already received before (nothing added)'),
    items: z.array(
      z.object({ index: z.number(), rawItemId: z.number().nullable(), duplicate: z.boolean() }),
    ),
  })
  .meta({ id: 'IngestResult' });

import { z } from 'zod';
import { CHANNELS, SCORE_TYPES } from '../../db/schema/index.ts';
import { SENTIMENT_LABELS } from '../analysis/types.ts';
import { analysisViewSchema } from '../feedback-analysis/feedback-analysis.schemas.ts';

export const npsMonthSchema = z
  .object({
    month: z.string().describe('YYYY-MM in the workspace time zone'),
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    nps: z.number().describe('% promoters − % detractors, one decimal'),
    ciLow: z.number().describe('95 % confidence interval, lower bound'),
    ciHigh: z.number().describe('95 % confidence interval, upper bound'),
  })
  .meta({ id: 'NpsMonth' });

export const overviewSchema = z
  .object({
    feedbackCount: z.number().int(),
    contactCount: z.number().int(),
    accountCount: z.number().int(),
    touchpointCount: z.number().int(),
    npsByMonth: z.array(npsMonthSchema).describe('Months with NPS answers, oldest first, last 18'),
    byChannel: z.array(z.object({ channel: z.string(), count: z.number().int() })),
    jobs: z.object({ queued: z.number().int(), running: z.number().int(), dead: z.number().int() }),
    demoSeeding: z.boolean().describe('Demo data is still being created'),
  })
  .meta({ id: 'Overview' });

export const feedbackItemSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(CHANNELS),
    scoreType: z.enum(SCORE_TYPES).nullable(),
    score: z.number().int().nullable(),
    text: z.string(),
    metadata: z
      .record(z.string(), z.unknown())
      .describe('What the channel adds: source URL, author handle, subject, other answers...'),
    receivedAt: z.date(),
    contactName: z.string().nullable(),
    accountName: z.string().nullable(),
    touchpointName: z.string().nullable(),
    analysis: analysisViewSchema
      .nullable()
      .describe('what analysis found; null until the item is analysed (within seconds)'),
    themes: z
      .array(
        z.object({
          themeId: z.uuid(),
          name: z.string(),
          weight: z.number(),
          source: z.enum(['auto', 'staff']).describe('staff: set by hand, kept by re-clustering'),
        }),
      )
      .describe('the themes the item belongs to, by name'),
  })
  .meta({ id: 'FeedbackItem' });

export const feedbackQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(200).optional().describe('nextCursor from the previous page'),
    channel: z.enum(CHANNELS).optional(),
    touchpointId: z.uuid().optional(),
    postId: z.uuid().optional().describe('only what arrived through this listening post'),
    accountId: z.uuid().optional(),
    contactId: z.uuid().optional(),
    scoreType: z.enum(SCORE_TYPES).optional(),
    scoreMin: z.coerce.number().int().min(0).max(10).optional(),
    scoreMax: z.coerce.number().int().min(0).max(10).optional(),
    from: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional()
      .describe('received at or after'),
    to: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional()
      .describe('received before'),
    q: z.string().trim().min(1).max(200).optional().describe('words anywhere in the text'),
    sentiment: z.enum(SENTIMENT_LABELS).optional().describe('sentiment label (corrected or not)'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as en, or und')
      .optional()
      .describe('detected language'),
    entityId: z.uuid().optional().describe('mentions this staff person, team or tracked entity'),
    themeId: z.uuid().optional().describe('belongs to this theme'),
  })
  .refine(
    (query) =>
      query.scoreMin === undefined ||
      query.scoreMax === undefined ||
      query.scoreMin <= query.scoreMax,
    {
      message: 'scoreMin is above scoreMax',
      path: ['scoreMin'],
    },
  );

export type FeedbackFilters = Omit<z.infer<typeof feedbackQuery>, 'limit' | 'cursor'>;

export const feedbackPageSchema = z.object({
  items: z.array(feedbackItemSchema),
  nextCursor: z.string().nullable(),
});

import { z } from 'zod';
import { REANALYSIS_SCOPES, REANALYSIS_STATES } from '../../db/schema/index.ts';
import { MENTION_KINDS, SENTIMENT_LABELS } from '../analysis/types.ts';

const sentiment = { score: z.number(), label: z.enum(SENTIMENT_LABELS) };
const span = { start: z.number().int(), end: z.number().int() };

export const mentionViewSchema = z
  .object({
    kind: z.enum(MENTION_KINDS),
    entityId: z.uuid(),
    name: z.string().nullable().describe('the directory entry named; null once removed'),
    text: z.string().describe('the words as written'),
    ...span,
    sentiment: z.object(sentiment),
  })
  .meta({ id: 'Mention' });

export const analysisViewSchema = z
  .object({
    version: z.number().int(),
    language: z.string().describe('ISO 639-1, or und'),
    languageConfidence: z.number(),
    notAnalysed: z.array(z.string()).describe('parts that do not apply to the language'),
    truncated: z.boolean(),
    sentiment: z
      .object({
        ...sentiment,
        corrected: z.boolean().describe('the label was set by staff'),
      })
      .nullable(),
    sentences: z.array(z.object({ ...span, ...sentiment })),
    aspects: z.array(z.object({ aspect: z.string(), ...span, ...sentiment })),
    keyPhrases: z.array(z.object({ phrase: z.string(), ...span })),
    mentions: z.array(mentionViewSchema),
    duplicateOf: z.uuid().nullable().describe('the earliest earlier item this one nearly repeats'),
    analysedAt: z.date(),
  })
  .describe('Offsets index the text as returned (JavaScript string indices)')
  .meta({ id: 'FeedbackAnalysis' });

export type AnalysisView = z.infer<typeof analysisViewSchema>;

export const feedbackParams = z.strictObject({ workspaceId: z.uuid(), feedbackId: z.uuid() });

export const sentimentCorrectionBody = z.strictObject({ label: z.enum(SENTIMENT_LABELS) });

export const analysisSettingsSchema = z
  .object({
    redactPersonalData: z
      .boolean()
      .describe('viewers and integrations see [email], [phone]… instead of personal data'),
  })
  .meta({ id: 'AnalysisSettings' });
export const analysisSettingsBody = z.strictObject({ redactPersonalData: z.boolean() });

export const runSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(REANALYSIS_SCOPES),
    state: z.enum(REANALYSIS_STATES),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int().describe('items handed to analysis jobs of their own (see jobs)'),
    lastError: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'ReanalysisRun' });
export const startRunBody = z.strictObject({
  scope: z
    .enum(REANALYSIS_SCOPES)
    .default('outdated')
    .describe('all items, or those not analysed by the current analysers'),
});
export const runParams = z.strictObject({ workspaceId: z.uuid(), runId: z.uuid() });

export const DUPLICATE_KINDS = ['many-people', 'same-person'] as const;
export const duplicatesQuery = z.strictObject({
  kind: z
    .enum(DUPLICATE_KINDS)
    .default('many-people')
    .describe('many-people: one complaint from several people; same-person: one person again'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const duplicateGroupSchema = z
  .object({
    feedbackId: z.uuid().describe('the first item of the group'),
    text: z.string(),
    receivedAt: z.date(),
    contactId: z.uuid().nullable(),
    repeats: z.number().int().describe('later items that nearly repeat it'),
    people: z.number().int().describe('distinct known senders in the group, first item included'),
    lastAt: z.date(),
    repeatIds: z.array(z.uuid()).describe('the most recent repeats, up to 20'),
  })
  .meta({ id: 'DuplicateGroup' });

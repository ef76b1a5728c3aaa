import { z } from 'zod';
import {
  ACCOUNT_TIERS,
  CHANNELS,
  DELIVERY_STATUSES,
  DESTINATION_KINDS,
  ROLES,
  SCORE_TYPES,
  SPIKE_SUBJECT_KINDS,
} from '../../db/schema/index.ts';
import { MENTION_KINDS, SENTIMENT_LABELS } from '../analysis/types.ts';
import { SPIKE_DIRECTIONS, SPIKE_SEVERITIES } from '../analysis/spikes.ts';
import { emailSchema } from '../../http/schemas.ts';

export const MAX_CONDITIONS = 10;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 60;
export const MAX_DESTINATIONS = 10;

const ids = z.array(z.uuid()).min(1).max(100);
const keyword = z
  .string()
  .trim()
  .min(1)
  .max(MAX_KEYWORD_LENGTH)
  .regex(/[\p{L}\p{N}]/u, 'must contain a letter or digit');

/** What a rule looks at. Every condition of a rule must hold for it to fire. */
export const conditionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('score_at_most'),
    scoreType: z.enum(SCORE_TYPES).optional().describe('any score type when absent'),
    value: z.number().int().min(0).max(10),
  }),
  z.strictObject({
    type: z.literal('sentiment'),
    labels: z.array(z.enum(SENTIMENT_LABELS)).min(1).max(SENTIMENT_LABELS.length),
  }),
  z.strictObject({
    type: z.literal('account_tier'),
    tiers: z.array(z.enum(ACCOUNT_TIERS)).min(1).max(ACCOUNT_TIERS.length),
  }),
  z.strictObject({ type: z.literal('theme'), themeIds: ids }),
  z.strictObject({
    type: z.literal('keyword'),
    words: z
      .array(keyword)
      .min(1)
      .max(MAX_KEYWORDS)
      .describe('whole words or phrases, any case; any one of them matches'),
  }),
  z.strictObject({
    type: z.literal('competitor'),
    entityIds: ids.optional().describe('any competitor when absent'),
  }),
  z.strictObject({
    type: z.literal('mention'),
    kind: z.enum(MENTION_KINDS),
    entityIds: ids.optional().describe('anything of this kind when absent'),
  }),
  z.strictObject({ type: z.literal('touchpoint'), ids }),
  z.strictObject({
    type: z.literal('channel'),
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
  }),
  z.strictObject({
    type: z.literal('spike'),
    subjects: z
      .array(z.enum(['theme', 'competitor', 'brand']))
      .min(1)
      .max(3),
    minSeverity: z.enum(SPIKE_SEVERITIES).default('notable'),
    direction: z.enum([...SPIKE_DIRECTIONS, 'any']).default('rise'),
  }),
]);
export type Condition = z.infer<typeof conditionSchema>;
export type SpikeCondition = Extract<Condition, { type: 'spike' }>;

export const conditionsSchema = z
  .array(conditionSchema)
  .min(1)
  .max(MAX_CONDITIONS)
  .refine(
    (conditions) =>
      conditions.length === 1 || conditions.every((condition) => condition.type !== 'spike'),
    'a spike condition stands alone: a rule watches either feedback items or spikes',
  );

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, 'no credentials in the URL');

export const destinationInput = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('email'),
      addresses: z.array(emailSchema).max(20).default([]),
      teamId: z.uuid().optional().describe("the staff team's lead is told"),
      roles: z
        .array(z.enum(ROLES))
        .max(ROLES.length)
        .default([])
        .describe('every workspace member with one of these roles is told'),
    })
    .refine(
      (email) => email.addresses.length > 0 || email.teamId || email.roles.length > 0,
      'give addresses, a team or roles',
    ),
  z.strictObject({
    kind: z.literal('slack'),
    url: httpUrl.describe('a Slack (or compatible) incoming webhook URL'),
  }),
  z.strictObject({
    kind: z.literal('webhook'),
    url: httpUrl.describe('receives a signed JSON POST (docs/alerts.md)'),
  }),
]);
export type DestinationInput = z.infer<typeof destinationInput>;

const ruleName = z.string().trim().min(1).max(120);

export const ruleInput = z.strictObject({
  name: ruleName,
  enabled: z.boolean().default(true),
  conditions: conditionsSchema,
  destinations: z.array(destinationInput).max(MAX_DESTINATIONS).default([]),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const rulePatch = z
  .strictObject({
    name: ruleName.optional(),
    enabled: z.boolean().optional(),
    conditions: conditionsSchema.optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'give at least one field',
  );
export type RulePatch = z.infer<typeof rulePatch>;

export const destinationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DESTINATION_KINDS),
    label: z.string().describe('addresses, or the URL cut to host and path; URLs are not shown'),
    settings: z.record(z.string(), z.unknown()),
    signed: z.boolean().describe('a webhook signed with a secret shown once, at creation'),
    createdAt: z.date(),
  })
  .meta({ id: 'AlertDestination' });

export const ruleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    kind: z.enum(['feedback', 'spike']),
    conditions: z.array(z.record(z.string(), z.unknown())),
    destinations: z.array(destinationSchema),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'AlertRule' });

export const secretSchema = z.object({
  destinationId: z.uuid(),
  secret: z.string().describe('signs webhook deliveries; shown only in this reply'),
});

export const deliverySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DESTINATION_KINDS),
    label: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    responseStatus: z.number().int().nullable(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'AlertDelivery' });

export const spikeSchema = z
  .object({
    id: z.uuid(),
    subjectKind: z.enum(SPIKE_SUBJECT_KINDS),
    subjectId: z.uuid(),
    subjectName: z.string().nullable(),
    windowStart: z.string(),
    windowEnd: z.string(),
    count: z.number().int(),
    expected: z.number(),
    ratio: z.number(),
    zScore: z.number(),
    pValue: z.number(),
    direction: z.enum(SPIKE_DIRECTIONS),
    severity: z.enum(SPIKE_SEVERITIES),
    sentence: z.string(),
    series: z.object({
      days: z.array(z.string()),
      counts: z.array(z.number()),
      band: z.object({ low: z.number(), high: z.number() }),
    }),
    detectedAt: z.string(),
  })
  .meta({ id: 'Spike' });

export const alertSchema = z
  .object({
    id: z.uuid(),
    rule: z.object({ id: z.uuid(), name: z.string() }),
    matched: z.array(z.object({ type: z.string(), detail: z.string() })),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable().describe('name of who acknowledged it'),
    feedback: z
      .object({
        id: z.uuid(),
        channel: z.enum(CHANNELS),
        scoreType: z.enum(SCORE_TYPES).nullable(),
        score: z.number().int().nullable(),
        sentimentLabel: z.enum(SENTIMENT_LABELS).nullable(),
        text: z.string().describe('the customer’s words (personal data hidden when redacted)'),
        receivedAt: z.string(),
        accountName: z.string().nullable(),
      })
      .nullable(),
    spike: spikeSchema.nullable(),
    deliveries: z.array(deliverySchema),
  })
  .meta({ id: 'Alert' });

export const alertsQuery = z.strictObject({
  ruleId: z.uuid().optional(),
  acknowledged: z.enum(['true', 'false']).optional(),
  alertId: z.uuid().optional().describe('one alert, as linked from a notification'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export const spikesQuery = z.strictObject({
  subjectKind: z.enum(SPIKE_SUBJECT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const testResultSchema = z.object({
  results: z.array(
    z.object({
      destinationId: z.uuid(),
      kind: z.enum(DESTINATION_KINDS),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
});

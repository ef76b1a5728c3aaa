import { z } from 'zod';
import {
  ACCOUNT_TIERS,
  CASE_KINDS,
  CHANNELS,
  OPEN_STAGES,
  SCORE_TYPES,
} from '../../db/schema/index.ts';
import { SENTIMENT_LABELS } from '../analysis/types.ts';

export const MAX_CONDITIONS = 10;
export const MAX_KEYWORDS = 20;
export const MAX_ROUND_ROBIN_USERS = 50;
/** A stage may take at most a year. */
export const MAX_DEADLINE_HOURS = 24 * 366;

const ids = z.array(z.uuid()).min(1).max(100);
const keyword = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/[\p{L}\p{N}]/u, 'must contain a letter or digit');

/** What a case rule looks at. Every condition of a rule must hold for it to route an item. */
export const caseConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('detractor'),
    scoreType: z
      .enum(SCORE_TYPES)
      .default('nps')
      .describe('NPS 0–6; CSAT 1–2 (of 5); CES 1–2 (of 7, low is hard)'),
  }),
  z.strictObject({
    type: z.literal('score_at_most'),
    scoreType: z.enum(SCORE_TYPES).optional().describe('any score type when absent'),
    value: z.number().int().min(0).max(10),
  }),
  z.strictObject({
    type: z.literal('positive').describe('praise: a promoter score or positive sentiment'),
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
  z.strictObject({ type: z.literal('touchpoint'), ids }),
  z.strictObject({
    type: z.literal('channel'),
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
  }),
  z.strictObject({
    type: z.literal('keyword'),
    words: z
      .array(keyword)
      .min(1)
      .max(MAX_KEYWORDS)
      .describe('whole words or phrases, any case; any one of them matches'),
  }),
]);
export type CaseCondition = z.infer<typeof caseConditionSchema>;

export const caseConditionsSchema = z
  .array(caseConditionSchema)
  .max(MAX_CONDITIONS)
  .describe('all must hold; an empty list matches every item');

export const ASSIGNMENT_STRATEGIES = [
  'account_owner',
  'touchpoint_team',
  'round_robin',
  'user',
  'team',
] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export const assignmentSchema = z
  .strictObject({
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    userIds: z
      .array(z.uuid())
      .max(MAX_ROUND_ROBIN_USERS)
      .default([])
      .describe('round_robin: the people taking turns'),
    userId: z.uuid().nullable().default(null).describe('user: the owner'),
    teamId: z.uuid().nullable().default(null).describe('team: the staff team'),
    fallbackUserId: z.uuid().nullable().default(null).describe('when the strategy finds nobody'),
    fallbackTeamId: z.uuid().nullable().default(null),
  })
  .superRefine((value, context) => {
    if (value.strategy === 'round_robin' && value.userIds.length === 0)
      context.addIssue({ code: 'custom', path: ['userIds'], message: 'give at least one user' });
    if (value.strategy === 'user' && !value.userId)
      context.addIssue({ code: 'custom', path: ['userId'], message: 'give the owner' });
    if (value.strategy === 'team' && !value.teamId)
      context.addIssue({ code: 'custom', path: ['teamId'], message: 'give the team' });
  });
export type Assignment = z.infer<typeof assignmentSchema>;

export const stageDeadlineSchema = z.strictObject({
  hours: z.number().positive().max(MAX_DEADLINE_HOURS),
  businessHours: z.boolean().default(false),
});

export const deadlinesSchema = z.strictObject({
  ...(Object.fromEntries(
    OPEN_STAGES.map((stage) => [stage, stageDeadlineSchema.optional()]),
  ) as Record<(typeof OPEN_STAGES)[number], z.ZodOptional<typeof stageDeadlineSchema>>),
  /** After a detractor's case closes, how long to wait before the win-back survey (default 7 days). */
  winback: z
    .strictObject({ hours: z.number().min(0).max(MAX_DEADLINE_HOURS) })
    .optional()
    .describe('delay before the win-back survey after a detractor case closes; default 168 h'),
});
export type RuleDeadlines = z.infer<typeof deadlinesSchema>;

const ruleName = z.string().trim().min(1).max(120);

export const caseRuleInput = z.strictObject({
  name: ruleName,
  enabled: z.boolean().default(true),
  kind: z.enum(CASE_KINDS).default('case'),
  conditions: caseConditionsSchema,
  assignment: assignmentSchema,
  deadlines: deadlinesSchema.default({}),
  mergeIntoOpen: z.boolean().default(true),
  position: z.number().int().min(0).max(100_000).optional().describe('last when absent'),
});
export type CaseRuleInput = z.infer<typeof caseRuleInput>;

export const caseRulePatch = z
  .strictObject({
    name: ruleName.optional(),
    enabled: z.boolean().optional(),
    kind: z.enum(CASE_KINDS).optional(),
    conditions: caseConditionsSchema.optional(),
    assignment: assignmentSchema.optional(),
    deadlines: deadlinesSchema.optional(),
    mergeIntoOpen: z.boolean().optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'give at least one field',
  );
export type CaseRulePatch = z.infer<typeof caseRulePatch>;

export const reorderInput = z.strictObject({
  ruleIds: z.array(z.uuid()).min(1).max(500).describe('every rule, in the order to try them'),
});

export const caseRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    position: z.number().int(),
    kind: z.enum(CASE_KINDS),
    conditions: z.array(z.unknown()).describe('as written: see CaseRuleInput'),
    assignment: z.record(z.string(), z.unknown()),
    deadlines: z.record(z.string(), z.unknown()),
    mergeIntoOpen: z.boolean(),
    assignedCount: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CaseRule' });

export const previewQuery = z.strictObject({ feedbackId: z.uuid() });

export const previewSchema = z
  .object({
    feedbackId: z.uuid(),
    rule: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(CASE_KINDS) }).nullable(),
    matched: z.array(z.object({ type: z.string(), detail: z.string() })),
    tried: z
      .array(
        z.object({
          ruleId: z.uuid(),
          name: z.string(),
          enabled: z.boolean(),
          failed: z.string().nullable().describe('the first condition that did not hold'),
        }),
      )
      .describe('rules before the one that routes it, and why each did not'),
    tooOld: z.boolean().describe('received over 72 hours ago: routing leaves it alone'),
    caseId: z.uuid().nullable().describe('the case it is in already, if any'),
  })
  .meta({ id: 'CaseRulePreview' });

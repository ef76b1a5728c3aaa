import { z } from 'zod';
import {
  ACCOUNT_TIERS,
  ACTION_STATUSES,
  CASE_KINDS,
  CASE_OUTCOMES,
  CASE_STAGES,
  CHANNELS,
  OPEN_STAGES,
  SCORE_TYPES,
} from '../../db/schema/index.ts';
import { SENTIMENT_LABELS } from '../analysis/types.ts';

export const MAX_PAGE = 100;
export const MAX_TEXT = 5000;
export const HISTORY_LIMIT = 20;
/** Who started the conversation the feedback came from (recorded while engaging). */
export const INITIATORS = ['customer', 'survey', 'staff', 'partner', 'other'] as const;

const caseIdParams = z.strictObject({ workspaceId: z.uuid(), caseId: z.uuid() });
export { caseIdParams };
export const actionIdParams = z.strictObject({ workspaceId: z.uuid(), actionId: z.uuid() });
export const caseActionParams = z.strictObject({
  workspaceId: z.uuid(),
  caseId: z.uuid(),
  actionId: z.uuid(),
});

const bool = z.enum(['true', 'false']).transform((value) => value === 'true');

export const casesQuery = z.strictObject({
  stage: z.enum(['open', 'closed', ...OPEN_STAGES]).optional(),
  owner: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .describe('`me`, `none` (unassigned) or a user id'),
  teamId: z.uuid().optional(),
  kind: z.enum(CASE_KINDS).optional(),
  overdue: bool.optional().describe('only open cases past their due time'),
  dueSoon: bool.optional().describe('only open cases due within the next 24 hours'),
  contactId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('text in the title'),
  queue: z
    .enum(['mine', 'all'])
    .default('all')
    .describe("`mine`: the caller's open cases first, overdue first, then by due time"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CasesQuery = z.infer<typeof casesQuery>;

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    kind: z.enum(CASE_KINDS),
    title: z.string(),
    stage: z.enum(CASE_STAGES),
    owner: person,
    team: person,
    contact: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    scoreType: z.enum(SCORE_TYPES).nullable(),
    scoreBefore: z.number().int().nullable(),
    scoreAfter: z.number().int().nullable(),
    feedbackCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export const casesPage = z.object({
  items: z.array(caseSummarySchema),
  nextOffset: z.number().int().nullable().describe('pass as `offset` for the next page'),
});

export const caseFeedbackSchema = z.object({
  id: z.uuid(),
  channel: z.enum(CHANNELS),
  text: z.string(),
  scoreType: z.enum(SCORE_TYPES).nullable(),
  score: z.number().int().nullable(),
  sentimentLabel: z.enum(SENTIMENT_LABELS).nullable(),
  receivedAt: z.string(),
});

export const caseEventSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  actor: person,
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const actionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    themeId: z.uuid().nullable(),
    themeName: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    shippedAt: z.string().nullable(),
    caseCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseAction' });

export const caseDetailSchema = z
  .object({
    case: caseSummarySchema.extend({
      learned: z.string(),
      initiatedBy: z.string().nullable(),
      rootCause: person,
      resolution: z.string(),
      stageStartedAt: z.string(),
      firstResponseAt: z.string().nullable(),
    }),
    feedback: z.array(caseFeedbackSchema).describe("the customer's words in this case"),
    contact: z
      .object({
        id: z.uuid(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        level: z.string().nullable(),
      })
      .nullable(),
    account: z.object({ id: z.uuid(), name: z.string(), tier: z.enum(ACCOUNT_TIERS) }).nullable(),
    history: z.object({
      feedback: z.array(caseFeedbackSchema).describe('their other feedback, newest first'),
      cases: z.array(caseSummarySchema).describe('their other cases, newest first'),
    }),
    timeline: z.array(caseEventSchema),
    actions: z.array(actionSchema),
  })
  .meta({ id: 'CaseDetail' });

export const openCaseInput = z.strictObject({
  feedbackIds: z.array(z.uuid()).min(1).max(50),
  title: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(CASE_KINDS).default('case'),
});
export type OpenCaseInput = z.infer<typeof openCaseInput>;

export const assignInput = z
  .strictObject({
    ownerId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
  })
  .refine((v) => v.ownerId !== undefined || v.teamId !== undefined, 'give ownerId or teamId');
export type AssignInput = z.infer<typeof assignInput>;

export const engageInput = z.strictObject({
  learned: z.string().trim().min(1).max(MAX_TEXT),
  initiatedBy: z.enum(INITIATORS),
});
export type EngageInput = z.infer<typeof engageInput>;

export const stageInput = z.strictObject({
  to: z.enum(OPEN_STAGES),
  from: z.enum(OPEN_STAGES).optional().describe('the stage the caller saw; a mismatch is a 409'),
});
export type StageInput = z.infer<typeof stageInput>;

export const closeInput = z.strictObject({
  outcome: z.enum(CASE_OUTCOMES),
  rootCauseThemeId: z.uuid().optional().describe('required unless the case is a thank-you loop'),
  actionTaken: z.string().trim().max(MAX_TEXT).default(''),
  actionIds: z.array(z.uuid()).max(20).default([]).describe('actions to link as the action taken'),
});
export type CloseInput = z.infer<typeof closeInput>;

export const reopenInput = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const commentInput = z.strictObject({
  body: z.string().trim().min(1).max(MAX_TEXT),
  mentions: z.array(z.uuid()).max(20).default([]).describe('user ids, besides @name/@email'),
});
export type CommentInput = z.infer<typeof commentInput>;

export const actionInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(MAX_TEXT).default(''),
  themeId: z.uuid().nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('planned'),
});
export type ActionInput = z.infer<typeof actionInput>;

export const actionPatch = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(MAX_TEXT).optional(),
    themeId: z.uuid().nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'give at least one field');
export type ActionPatch = z.infer<typeof actionPatch>;

export const actionsQuery = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const linkActionInput = z.strictObject({ actionId: z.uuid() });

import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import {
  accounts,
  contacts,
  feedback,
  feedbackAnalysis,
  feedbackThemes,
  staffPeople,
  staffTeams,
  touchpoints,
} from '../../db/schema/index.ts';
import type { SentimentLabel } from '../analysis/types.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { caseRuleInput } from './case-rules.schemas.ts';
import { createRule } from './case-rules.service.ts';

type Ctx = Pick<AppContext, 'db'>;

/** A rule the API accepts: NPS detractors, owned by the account owner. */
export function sampleCaseRuleInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Detractors',
    conditions: [{ type: 'detractor' }],
    assignment: { strategy: 'account_owner' },
    deadlines: { engage: { hours: 24, businessHours: false } },
    ...overrides,
  };
}

export function createCaseRule(
  ctx: Ctx,
  workspaceId: string,
  overrides: Record<string, unknown> = {},
) {
  return createRule(
    ctx,
    workspaceId,
    caseRuleInput.parse(sampleCaseRuleInput(overrides)),
    SYSTEM_ACTOR,
  );
}

export async function createAccount(
  ctx: Ctx,
  workspaceId: string,
  values: {
    tier?: 'strategic' | 'standard' | 'small';
    ownerId?: string | null;
    name?: string;
  } = {},
) {
  const [row] = await ctx.db
    .insert(accounts)
    .values({
      workspaceId,
      name: values.name ?? 'Acme',
      tier: values.tier ?? 'standard',
      ownerId: values.ownerId ?? null,
    })
    .returning({ id: accounts.id });
  return row!.id;
}

export async function createContactOf(ctx: Ctx, workspaceId: string, accountId: string | null) {
  const [row] = await ctx.db
    .insert(contacts)
    .values({ workspaceId, accountId, name: 'Pat', email: `pat-${randomUUID()}@example.test` })
    .returning({ id: contacts.id });
  return row!.id;
}

export async function createTeamWith(
  ctx: Ctx,
  workspaceId: string,
  values: { leadUserId?: string | null; memberUserIds?: string[]; leadEmail?: string | null } = {},
) {
  const [team] = await ctx.db
    .insert(staffTeams)
    .values({
      workspaceId,
      name: `Team ${randomUUID().slice(0, 6)}`,
      leadUserId: values.leadUserId ?? null,
      leadEmail: values.leadEmail ?? null,
    })
    .returning({ id: staffTeams.id });
  for (const userId of values.memberUserIds ?? [])
    await ctx.db
      .insert(staffPeople)
      .values({ workspaceId, name: 'Member', teamId: team!.id, userId });
  return team!.id;
}

export async function createTouchpoint(ctx: Ctx, workspaceId: string, teamId: string | null) {
  const [row] = await ctx.db
    .insert(touchpoints)
    .values({ workspaceId, name: `Touchpoint ${randomUUID().slice(0, 6)}`, teamId })
    .returning({ id: touchpoints.id });
  return row!.id;
}

export interface RoutingSeed {
  text?: string;
  score?: number | null;
  scoreType?: 'nps' | 'csat' | 'ces';
  sentiment?: SentimentLabel | null;
  contactId?: string | null;
  accountId?: string | null;
  touchpointId?: string | null;
  themeIds?: string[];
  receivedAt?: Date;
}

/** A feedback item with the analysis rows the pipeline would write, written directly. */
export async function seedItem(ctx: Ctx, workspaceId: string, seed: RoutingSeed = {}) {
  const score = seed.score === undefined ? 3 : seed.score;
  const [row] = await ctx.db
    .insert(feedback)
    .values({
      workspaceId,
      channel: 'survey',
      contactId: seed.contactId ?? null,
      accountId: seed.accountId ?? null,
      touchpointId: seed.touchpointId ?? null,
      scoreType: score === null ? null : (seed.scoreType ?? 'nps'),
      score,
      text: seed.text ?? 'The checkout failed twice.',
      receivedAt: seed.receivedAt ?? new Date(),
    })
    .returning({ id: feedback.id });
  const feedbackId = row!.id;
  if (seed.sentiment !== null)
    await ctx.db.insert(feedbackAnalysis).values({
      workspaceId,
      feedbackId,
      version: 1,
      language: 'en',
      languageConfidence: 0.9,
      sentimentLabel: seed.sentiment ?? 'negative',
      sentimentScore: seed.sentiment === 'positive' ? 0.6 : -0.6,
    });
  if (seed.themeIds?.length)
    await ctx.db
      .insert(feedbackThemes)
      .values(seed.themeIds.map((themeId) => ({ workspaceId, feedbackId, themeId })));
  return feedbackId;
}

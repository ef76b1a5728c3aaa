import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import {
  accounts,
  feedback,
  feedbackAnalysis,
  feedbackThemes,
  mentions,
  themes,
  trackedEntities,
} from '../../db/schema/index.ts';
import { queryRows } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { SentimentLabel } from '../analysis/types.ts';
import { evaluateAlerts } from './alerts.service.ts';
import type { RuleInput } from './alerts.schemas.ts';
import { createRule } from './rules.service.ts';

/** A rule input the API accepts: low scores, told by e-mail (kept local without SMTP_URL). */
export function sampleRuleInput(overrides: Partial<RuleInput> = {}) {
  return {
    name: 'Detractors',
    conditions: [{ type: 'score_at_most' as const, value: 6 }],
    destinations: [{ kind: 'email' as const, addresses: ['ops@example.test'], roles: [] }],
    ...overrides,
  };
}

export async function createSampleRule(
  ctx: AppContext,
  workspaceId: string,
  overrides: Partial<RuleInput> = {},
) {
  const input = { enabled: true, ...sampleRuleInput(), ...overrides } as RuleInput;
  return createRule(ctx, workspaceId, input, SYSTEM_ACTOR);
}

export interface SeededFeedback {
  text?: string;
  score?: number | null;
  scoreType?: 'nps' | 'csat' | 'ces';
  sentiment?: SentimentLabel | null;
  tier?: 'strategic' | 'standard' | 'small' | null;
  themeIds?: string[];
  mentionsOf?: Array<{ kind: 'competitor' | 'brand'; entityId: string }>;
  receivedAt?: Date;
}

/**
 * A feedback item with the rows the analysis pipeline would store beside it (analysis, themes,
 * mentions), written directly so alert tests do not depend on the analysers.
 */
export async function seedAnalysedFeedback(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  seed: SeededFeedback = {},
): Promise<string> {
  let accountId: string | null = null;
  if (seed.tier) {
    const [account] = await ctx.db
      .insert(accounts)
      .values({ workspaceId, name: `Account ${seed.tier}`, tier: seed.tier })
      .returning({ id: accounts.id });
    accountId = account!.id;
  }
  const receivedAt = seed.receivedAt ?? new Date();
  const score = seed.score === undefined ? 3 : seed.score;
  const [row] = await ctx.db
    .insert(feedback)
    .values({
      workspaceId,
      channel: 'survey',
      accountId,
      scoreType: score === null ? null : (seed.scoreType ?? 'nps'),
      score,
      text: seed.text ?? 'The checkout failed twice.',
      receivedAt,
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
  if (seed.mentionsOf?.length)
    await ctx.db.insert(mentions).values(
      seed.mentionsOf.map((mention) => ({
        workspaceId,
        feedbackId,
        kind: mention.kind,
        entityId: mention.entityId,
        start: 0,
        end: 4,
        text: 'name',
        sentimentScore: -0.5,
        sentimentLabel: 'negative' as const,
        receivedAt,
      })),
    );
  return feedbackId;
}

export async function createTheme(ctx: Pick<AppContext, 'db'>, workspaceId: string, name: string) {
  const [row] = await ctx.db
    .insert(themes)
    .values({ workspaceId, name })
    .returning({ id: themes.id });
  return row!.id;
}

export async function createEntity(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  kind: 'competitor' | 'brand',
  name: string,
) {
  const [row] = await ctx.db
    .insert(trackedEntities)
    .values({ workspaceId, kind, name })
    .returning({ id: trackedEntities.id });
  return row!.id;
}

/** A fired alert (low score, e-mail destination) in a workspace; returns its id. */
export async function createSampleAlert(ctx: AppContext, workspaceId: string) {
  const { rule } = await createSampleRule(ctx, workspaceId);
  const feedbackId = await seedAnalysedFeedback(ctx, workspaceId, { score: 2 });
  await evaluateAlerts(ctx.db, workspaceId, [feedbackId]);
  const [alert] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM alerts WHERE workspace_id = ${workspaceId} AND rule_id = ${rule.id}`,
  );
  return { alertId: alert!.id, ruleId: rule.id, feedbackId };
}

/** A delivery that ran out of attempts, for the retry route. */
export async function createDeadDelivery(ctx: AppContext, workspaceId: string) {
  const { alertId } = await createSampleAlert(ctx, workspaceId);
  const [delivery] = await queryRows<{ id: string }>(
    ctx.db,
    sql`UPDATE alert_deliveries SET status = 'dead', attempts = 6, last_error = 'sample'
        WHERE workspace_id = ${workspaceId} AND alert_id = ${alertId} RETURNING id`,
  );
  return delivery!.id;
}

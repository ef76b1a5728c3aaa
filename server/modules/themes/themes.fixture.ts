import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { feedback, feedbackAnalysis, themes } from '../../db/schema/index.ts';

/**
 * Test data for themes, written straight into the tables: the analysis pipeline is built
 * elsewhere, so tests store feedback with analysis results as that pipeline would.
 */
export interface AnalysedFeedbackInput {
  text?: string;
  phrases: string[];
  /** Overall sentiment score; the label follows the analysers' thresholds. */
  sentiment?: number;
  aspects?: Array<{ aspect: string; score: number }>;
  score?: number;
  receivedAt?: Date;
  touchpointId?: string;
  accountId?: string;
  /** Marks key phrases as not analysed (a language without them). */
  notEnglish?: boolean;
}

const labelOf = (score: number) =>
  score >= 0.05
    ? ('positive' as const)
    : score <= -0.05
      ? ('negative' as const)
      : ('neutral' as const);

export async function createAnalysedFeedback(
  ctx: AppContext,
  workspaceId: string,
  items: AnalysedFeedbackInput[],
): Promise<string[]> {
  const rows = items.map((item) => ({ id: randomUUID(), item }));
  if (rows.length === 0) return [];
  await ctx.db.insert(feedback).values(
    rows.map(({ id, item }) => ({
      workspaceId,
      id,
      channel: 'survey' as const,
      text: item.text ?? item.phrases.join(', '),
      scoreType: item.score === undefined ? null : ('nps' as const),
      score: item.score ?? null,
      receivedAt: item.receivedAt ?? new Date(),
      touchpointId: item.touchpointId ?? null,
      accountId: item.accountId ?? null,
    })),
  );
  await ctx.db.insert(feedbackAnalysis).values(
    rows.map(({ id, item }) => {
      const sentiment = item.sentiment ?? 0;
      return {
        workspaceId,
        feedbackId: id,
        version: 1,
        language: item.notEnglish ? 'fr' : 'en',
        languageConfidence: 0.9,
        notAnalysed: item.notEnglish ? ['sentiment', 'keyPhrases'] : [],
        sentimentScore: item.notEnglish ? null : sentiment,
        sentimentLabel: item.notEnglish ? null : labelOf(sentiment),
        keyPhrases: item.phrases.map((phrase) => ({ phrase, start: 0, end: 0 })),
        aspects: (item.aspects ?? []).map((aspect) => ({
          ...aspect,
          label: labelOf(aspect.score),
          start: 0,
          end: 0,
        })),
      };
    }),
  );
  return rows.map(({ id }) => id);
}

export async function createTestTheme(
  ctx: AppContext,
  workspaceId: string,
  theme: { name?: string; terms?: Record<string, number> } = {},
): Promise<string> {
  const [row] = await ctx.db
    .insert(themes)
    .values({
      workspaceId,
      name: theme.name ?? `theme ${randomUUID().slice(0, 6)}`,
      terms: theme.terms ?? { 'double charge': 0.8, charge: 0.6 },
    })
    .returning({ id: themes.id });
  return row!.id;
}

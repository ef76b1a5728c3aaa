import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { feedback, feedbackAnalysis, feedbackThemes, mentions } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createEntity, createSampleRule, createTheme } from './alerts.fixture.ts';
import { detectSpikes } from './spikes.service.ts';
import type { AppContext } from '../../context.ts';

/** Noon in Paris on a summer day (no DST change in the four weeks before it). */
const END = new Date('2025-06-20T10:00:00Z');
const DAY = 86_400_000;

interface Burst {
  /** Days before END's day (0 = today). */
  daysAgo: number;
  /** UTC hour of the items (Paris is UTC+2 in summer). */
  utcHour: number;
  count: number;
  negative?: boolean;
  themeId?: string;
  competitorId?: string;
}

/** Writes feedback (with analysis, theme links and mentions) in a few multi-row inserts. */
async function seed(ctx: AppContext, workspaceId: string, bursts: Burst[]) {
  const rows = bursts.flatMap((burst) =>
    Array.from({ length: burst.count }, (_, index) => {
      const at = new Date(Date.UTC(2025, 5, 20, burst.utcHour, index % 60) - burst.daysAgo * DAY);
      return { burst, at };
    }),
  );
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const inserted = await ctx.db
      .insert(feedback)
      .values(
        chunk.map(({ at }) => ({
          workspaceId,
          channel: 'survey' as const,
          text: 'x',
          receivedAt: at,
        })),
      )
      .returning({ id: feedback.id });
    await ctx.db.insert(feedbackAnalysis).values(
      inserted.map(({ id }, index) => ({
        workspaceId,
        feedbackId: id,
        version: 1,
        language: 'en',
        languageConfidence: 1,
        sentimentLabel: chunk[index]!.burst.negative ? ('negative' as const) : ('neutral' as const),
      })),
    );
    const themed = inserted.flatMap(({ id }, index) => {
      const themeId = chunk[index]!.burst.themeId;
      return themeId ? [{ workspaceId, feedbackId: id, themeId }] : [];
    });
    if (themed.length) await ctx.db.insert(feedbackThemes).values(themed);
    const named = inserted.flatMap(({ id }, index) => {
      const entityId = chunk[index]!.burst.competitorId;
      return entityId
        ? [
            {
              workspaceId,
              feedbackId: id,
              kind: 'competitor' as const,
              entityId,
              start: 0,
              end: 1,
              text: 'x',
              sentimentScore: 0,
              sentimentLabel: 'neutral' as const,
              receivedAt: chunk[index]!.at,
            },
          ]
        : [];
    });
    if (named.length) await ctx.db.insert(mentions).values(named);
  }
}

async function parisWorkspace(ctx: AppContext) {
  const workspace = await createTestWorkspace(ctx);
  await ctx.db.execute(
    sql`UPDATE workspaces SET timezone = 'Europe/Paris' WHERE id = ${workspace.id}`,
  );
  return workspace;
}

const history = (days: number, burst: Omit<Burst, 'daysAgo'>): Burst[] =>
  Array.from({ length: days }, (_, index) => ({ ...burst, daysAgo: index + 1 }));

describeEachEngine('spike detection', ({ ctx }) => {
  it('finds a rise in a theme and in its negative items, stores one spike per day and alerts once', async () => {
    const workspace = await parisWorkspace(ctx());
    const theme = await createTheme(ctx(), workspace.id, 'Checkout');
    const { rule } = await createSampleRule(ctx(), workspace.id, {
      name: 'Theme spikes',
      conditions: [{ type: 'spike', subjects: ['theme'], minSeverity: 'high', direction: 'rise' }],
    });
    await seed(ctx(), workspace.id, [
      ...history(28, { utcHour: 7, count: 2, themeId: theme }),
      { daysAgo: 0, utcHour: 7, count: 14, themeId: theme, negative: true },
    ]);

    const first = await detectSpikes(ctx().db, workspace.id, END);
    expect(first).toMatchObject({ subjects: 2, spikes: 2 });
    const again = await detectSpikes(ctx().db, workspace.id, END);
    expect(again.alerts).toBe(0);
    const spikes = await queryRows<{
      subjectKind: string;
      count: number;
      windowStart: string;
      sentence: string;
      series: { days: string[]; counts: number[] };
    }>(
      ctx().db,
      sql`SELECT subject_kind AS "subjectKind", count, window_start AS "windowStart", sentence, series
          FROM spikes WHERE workspace_id = ${workspace.id} ORDER BY subject_kind`,
    );
    expect(spikes.map((spike) => [spike.subjectKind, spike.count])).toEqual([
      ['theme', 14],
      ['theme_negative', 14],
    ]);
    // Midnight in Paris, in UTC.
    expect(new Date(spikes[0]!.windowStart).toISOString()).toBe('2025-06-19T22:00:00.000Z');
    expect(spikes[0]!.sentence).toMatch(/^6\.9× the usual volume \(p < 0\.001\)$/);
    expect(spikes[0]!.series.days).toHaveLength(29);
    expect(spikes[0]!.series.days.at(-1)).toBe('2025-06-20');
    expect(spikes[0]!.series.counts.slice(-3)).toEqual([2, 2, 14]);
    const alerts = await queryRows<{ ruleId: string; n: number }>(
      ctx().db,
      sql`SELECT rule_id AS "ruleId", count(*)::int AS n FROM alerts
          WHERE workspace_id = ${workspace.id} GROUP BY rule_id`,
    );
    // One alert per spike (the theme and its negative items), however often detection runs.
    expect(alerts).toEqual([{ ruleId: rule.id, n: 2 }]);
    expect(first.alerts).toBe(2);
  });

  it('compares today so far with the same hours of earlier days', async () => {
    const workspace = await parisWorkspace(ctx());
    const theme = await createTheme(ctx(), workspace.id, 'Billing');
    await seed(ctx(), workspace.id, [
      // Each day: 4 items in the morning, 30 in the evening.
      ...history(28, { utcHour: 7, count: 4, themeId: theme }),
      ...history(28, { utcHour: 17, count: 30, themeId: theme }),
      // Today by noon: 14, a lot for a morning, few for a whole day.
      { daysAgo: 0, utcHour: 7, count: 14, themeId: theme },
    ]);
    const run = await detectSpikes(ctx().db, workspace.id, END);
    expect(run.spikes).toBe(1);
    const [spike] = await queryRows<{ expected: number }>(
      ctx().db,
      sql`SELECT expected FROM spikes WHERE workspace_id = ${workspace.id}`,
    );
    expect(spike!.expected).toBeCloseTo(4, 0);
  });

  it('claims nothing on a short history, and counts competitor mentions', async () => {
    const workspace = await parisWorkspace(ctx());
    const rival = await createEntity(ctx(), workspace.id, 'competitor', 'RivalCo');
    await seed(ctx(), workspace.id, [
      ...history(4, { utcHour: 7, count: 1, competitorId: rival }),
      { daysAgo: 0, utcHour: 7, count: 25, competitorId: rival },
    ]);
    expect(await detectSpikes(ctx().db, workspace.id, END)).toMatchObject({ spikes: 0 });

    const seasoned = await parisWorkspace(ctx());
    const other = await createEntity(ctx(), seasoned.id, 'competitor', 'OtherCo');
    await seed(ctx(), seasoned.id, [
      ...history(20, { utcHour: 7, count: 1, competitorId: other }),
      { daysAgo: 0, utcHour: 7, count: 9, competitorId: other },
    ]);
    expect(await detectSpikes(ctx().db, seasoned.id, END)).toMatchObject({ spikes: 1 });
    const [spike] = await queryRows<{ subjectKind: string; subjectId: string; days: number }>(
      ctx().db,
      sql`SELECT subject_kind AS "subjectKind", subject_id AS "subjectId",
            jsonb_array_length(series->'days')::int AS days
          FROM spikes WHERE workspace_id = ${seasoned.id}`,
    );
    // History starts at the workspace's first feedback, 20 days back: 21 days in the series.
    expect(spike).toEqual({ subjectKind: 'competitor', subjectId: other, days: 21 });
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AppContext } from '../../context.ts';
import {
  actions,
  cases,
  caseEvents,
  caseFeedback,
  feedback,
  staffTeams,
  touchpoints,
} from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createTheme } from '../alerts/alerts.fixture.ts';
import { loopMetrics } from './loop-metrics.service.ts';

const at = (iso: string) => new Date(iso);
const plusHours = (iso: string, hours: number) => new Date(at(iso).getTime() + hours * 3_600_000);

/**
 * A hand-built programme with known answers (workspace in Europe/Paris, period Sep–Oct 2026):
 *   1 team A  Sep 10  replied +2h, closed +10h before due, NPS 3 → 9         (detractor won back)
 *   2 team A  Sep 20  replied +4h, closed +30h after its 24h due, NPS 5 → 4  (overdue, not won back)
 *   3 team A  Sep 30 22:30 UTC (= Oct 1 in Paris), open, past due            (overdue)
 *   4 team B  Oct 5   replied +6h, closed +50h, won back, escalated          (overdue)
 *   5 team B  Oct 6   replied +8h, in process, due in 2099
 *   6 team A  Aug 1 (outside the period) and a thank-you loop in the period: not counted.
 * Replies sent in the period: case 1 (personal), 2 (stock), 4 (personal), 6 (stock).
 */
async function seed(ctx: AppContext) {
  const workspace = await createTestWorkspace(ctx);
  const ws = workspace.id;
  await ctx.db.execute(sql`UPDATE workspaces SET timezone = 'Europe/Paris' WHERE id = ${ws}`);
  const [teamA, teamB] = await ctx.db
    .insert(staffTeams)
    .values([
      { workspaceId: ws, name: 'Team A' },
      { workspaceId: ws, name: 'Team B' },
    ])
    .returning({ id: staffTeams.id });
  const themeId = await createTheme(ctx, ws, 'refunds');
  const base = { workspaceId: ws, title: 'Loop', deadlines: {} };
  const rows = await ctx.db
    .insert(cases)
    .values([
      {
        ...base,
        number: 1,
        teamId: teamA!.id,
        createdAt: at('2026-09-10T08:00:00Z'),
        firstResponseAt: plusHours('2026-09-10T08:00:00Z', 2),
        closedAt: plusHours('2026-09-10T08:00:00Z', 10),
        stage: 'closed' as const,
        outcome: 'resolved' as const,
        dueAt: at('2026-09-10T20:00:00Z'),
        scoreType: 'nps' as const,
        scoreBefore: 3,
        scoreAfter: 9,
        rootCauseThemeId: themeId,
      },
      {
        ...base,
        number: 2,
        teamId: teamA!.id,
        createdAt: at('2026-09-20T08:00:00Z'),
        firstResponseAt: plusHours('2026-09-20T08:00:00Z', 4),
        closedAt: plusHours('2026-09-20T08:00:00Z', 30),
        stage: 'closed' as const,
        outcome: 'not_resolved' as const,
        dueAt: plusHours('2026-09-20T08:00:00Z', 24),
        scoreType: 'nps' as const,
        scoreBefore: 5,
        scoreAfter: 4,
      },
      {
        ...base,
        number: 3,
        teamId: teamA!.id,
        createdAt: at('2026-09-30T22:30:00Z'),
        dueAt: at('2026-10-01T00:00:00Z'),
      },
      {
        ...base,
        number: 4,
        teamId: teamB!.id,
        createdAt: at('2026-10-05T08:00:00Z'),
        firstResponseAt: plusHours('2026-10-05T08:00:00Z', 6),
        closedAt: plusHours('2026-10-05T08:00:00Z', 50),
        stage: 'closed' as const,
        outcome: 'won_back' as const,
        rootCauseThemeId: themeId,
      },
      {
        ...base,
        number: 5,
        teamId: teamB!.id,
        createdAt: at('2026-10-06T08:00:00Z'),
        firstResponseAt: plusHours('2026-10-06T08:00:00Z', 8),
        stage: 'process' as const,
        dueAt: at('2099-01-01T00:00:00Z'),
      },
      { ...base, number: 6, teamId: teamA!.id, createdAt: at('2026-08-01T08:00:00Z') },
      { ...base, number: 7, kind: 'thank_you' as const, createdAt: at('2026-09-12T08:00:00Z') },
    ])
    .returning({ id: cases.id, number: cases.number });
  const id = (n: number) => rows.find((row) => row.number === n)!.id;
  const reply = (n: number, iso: string, stock: boolean) => ({
    workspaceId: ws,
    caseId: id(n),
    type: 'reply_sent',
    data: { stock },
    at: at(iso),
  });
  await ctx.db.insert(caseEvents).values([
    reply(1, '2026-09-10T10:00:00Z', false),
    reply(2, '2026-09-20T12:00:00Z', true),
    reply(4, '2026-10-05T14:00:00Z', false),
    reply(6, '2026-09-15T09:00:00Z', true),
    {
      workspaceId: ws,
      caseId: id(4),
      type: 'escalated',
      data: {},
      at: at('2026-10-06T09:00:00Z'),
    },
  ]);
  const [touchpoint] = await ctx.db
    .insert(touchpoints)
    .values({ workspaceId: ws, name: 'Onboarding' })
    .returning({ id: touchpoints.id });
  const [item] = await ctx.db
    .insert(feedback)
    .values({
      workspaceId: ws,
      channel: 'survey',
      text: 'Slow refund',
      touchpointId: touchpoint!.id,
    })
    .returning({ id: feedback.id });
  await ctx.db
    .insert(caseFeedback)
    .values({ workspaceId: ws, feedbackId: item!.id, caseId: id(1) });
  await ctx.db.insert(actions).values({
    workspaceId: ws,
    title: 'Refunds in 3 days',
    themeId,
    status: 'shipped',
    createdAt: at('2026-09-15T00:00:00Z'),
    shippedAt: at('2026-10-10T00:00:00Z'),
  });
  return { ws, teamA: teamA!.id, teamB: teamB!.id, themeId, touchpointId: touchpoint!.id };
}

describeEachEngine('loop metrics', ({ ctx }) => {
  const now = at('2026-11-15T00:00:00Z');
  const period = { from: '2026-09-01', to: '2026-11-01' };

  it('computes the overall figures and per team on a hand-built set', async () => {
    const { ws, teamA, teamB, themeId } = await seed(ctx());
    const result = await loopMetrics(ctx(), ws, { ...period, by: 'team', kind: 'case' }, now);
    // Paris midnight is 22:00 UTC the day before in summer time, 23:00 in winter.
    expect(result.from).toBe('2026-08-31T22:00:00.000Z');
    expect(result.to).toBe('2026-10-31T23:00:00.000Z');
    expect(result.overall).toMatchObject({
      opened: 5,
      closed: 3,
      closureRate: { count: 3, n: 5, rate: 0.6 },
      firstResponse: { n: 4, medianHours: 5, p90Hours: 7.4 },
      timeToClose: { n: 3, medianHours: 30 },
      overdue: { count: 3, n: 5, rate: 0.6 },
      stockReplies: { count: 2, n: 4, rate: 0.5 },
      detractorsWonBack: { count: 1, n: 2, rate: 0.5 },
    });
    expect(result.overall.closureRate.low).toBeCloseTo(0.2307, 3);
    expect(result.overall.closureRate.high).toBeCloseTo(0.8824, 3);
    const a = result.groups.find((group) => group.key === teamA)!;
    const b = result.groups.find((group) => group.key === teamB)!;
    expect(a).toMatchObject({
      label: 'Team A',
      opened: 3,
      closed: 2,
      firstResponse: { n: 2, medianHours: 3 },
      timeToClose: { n: 2, medianHours: 20 },
      overdue: { count: 2, n: 3 },
      stockReplies: { count: 2, n: 3 },
      detractorsWonBack: { count: 1, n: 2 },
    });
    expect(b).toMatchObject({
      label: 'Team B',
      opened: 2,
      closed: 1,
      firstResponse: { n: 2, medianHours: 7, p90Hours: 7.8 },
      timeToClose: { n: 1, medianHours: 50 },
      overdue: { count: 1, n: 2 },
      stockReplies: { count: 0, n: 1 },
      detractorsWonBack: { count: 0, n: 0, rate: null },
    });
    expect(result.groups).toHaveLength(2);
    expect(result.themes).toEqual([
      { themeId, name: 'refunds', loopsClosed: 2, wonBack: 1, actions: 1, actionsShipped: 1 },
    ]);
  });

  it('buckets by month in the workspace time zone and by first touchpoint', async () => {
    const { ws, touchpointId } = await seed(ctx());
    const months = await loopMetrics(ctx(), ws, { ...period, by: 'month', kind: 'case' }, now);
    expect(
      months.groups.map((g) => [g.key, g.opened, g.stockReplies.n, g.firstResponse.medianHours]),
    ).toEqual([
      ['2026-09', 2, 3, 3],
      ['2026-10', 3, 1, 7],
    ]);
    const points = await loopMetrics(ctx(), ws, { ...period, by: 'touchpoint', kind: 'case' }, now);
    expect(points.groups.map((g) => [g.key, g.label, g.opened])).toEqual([
      [null, null, 4],
      [touchpointId, 'Onboarding', 1],
    ]);
    const thanks = await loopMetrics(ctx(), ws, { ...period, by: 'owner', kind: 'thank_you' }, now);
    expect(thanks.overall.opened).toBe(1);
  });

  it('refuses an empty or inverted period', async () => {
    const { ws } = await seed(ctx());
    await expect(
      loopMetrics(
        ctx(),
        ws,
        { from: '2026-10-01', to: '2026-09-01', by: 'team', kind: 'case' },
        now,
      ),
    ).rejects.toMatchObject({ status: 400 });
  });
});

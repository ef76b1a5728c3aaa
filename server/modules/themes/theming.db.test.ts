import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { analysisCorrections, feedbackThemes, themes } from '../../db/schema/index.ts';
import { createLogger } from '../../logger.ts';
import { labelledItems } from '../analysis/themes/themes.fixture.ts';
import { describeEachEngine, testConfig } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createAnalysedFeedback } from './themes.fixture.ts';
import {
  assignThemesToFeedback,
  reclusterWorkspace,
  updateRecurringIssues,
} from './theming.service.ts';
import { assignJob, fanOutJob, RECLUSTER_JOB } from './themes.jobs.ts';
import { mergeTheme, setFeedbackThemes, splitTheme, updateTheme } from './themes.service.ts';

describeEachEngine('theming', ({ ctx }) => {
  /** A workspace with 4 themes × 20 analysed items, and one French item without key phrases. */
  async function seeded() {
    const workspace = await createTestWorkspace(ctx());
    const items = labelledItems(20);
    const ids = await createAnalysedFeedback(
      ctx(),
      workspace.id,
      items.map((item) => ({ phrases: [...item.phrases], sentiment: -0.5 })),
    );
    const [french] = await createAnalysedFeedback(ctx(), workspace.id, [
      { phrases: ['livraison'], notEnglish: true },
    ]);
    const labelOf = new Map(ids.map((id, index) => [id, items[index]!.label]));
    return { workspaceId: workspace.id, ids, french: french!, labelOf };
  }

  const linksOf = (workspaceId: string) =>
    ctx().db.select().from(feedbackThemes).where(eq(feedbackThemes.workspaceId, workspaceId));
  const themesOf = (workspaceId: string) =>
    ctx().db.select().from(themes).where(eq(themes.workspaceId, workspaceId));
  const themeOfLabel = async (workspaceId: string, labelOf: Map<string, string>, label: string) => {
    const links = await linksOf(workspaceId);
    const counts = new Map<string, number>();
    for (const link of links) {
      if (labelOf.get(link.feedbackId) === label)
        counts.set(link.themeId, (counts.get(link.themeId) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  };

  it('re-clusters a workspace into named themes, skipping items without key phrases', async () => {
    const { workspaceId, french, labelOf } = await seeded();
    const result = await reclusterWorkspace(ctx().db, workspaceId);
    expect(result).toMatchObject({ items: 80, themes: 4, created: 4, archived: 0 });
    const rows = await themesOf(workspaceId);
    expect(rows.every((row) => row.status === 'active' && row.name.length > 0)).toBe(true);
    const links = await linksOf(workspaceId);
    expect(links.some((link) => link.feedbackId === french)).toBe(false);
    expect(links.every((link) => link.source === 'auto' && link.weight > 0)).toBe(true);
    // Items of one label land in one theme.
    const delivery = await themeOfLabel(workspaceId, labelOf, 'delivery');
    const deliveryItems = [...labelOf].filter(([, label]) => label === 'delivery');
    const inTheme = links.filter(
      (link) => link.themeId === delivery && labelOf.get(link.feedbackId) === 'delivery',
    );
    expect(inTheme.length).toBeGreaterThanOrEqual(deliveryItems.length - 1);
    // Running again changes nothing: same ids, same links.
    const again = await reclusterWorkspace(ctx().db, workspaceId);
    expect(again).toMatchObject({ themes: 4, created: 0, archived: 0 });
    expect((await themesOf(workspaceId)).map((row) => row.id).sort()).toEqual(
      rows.map((row) => row.id).sort(),
    );
    expect((await linksOf(workspaceId)).length).toBe(links.length);
  });

  it('assigns new items incrementally and idempotently, with aspect sentiment', async () => {
    const { workspaceId, labelOf } = await seeded();
    const empty = await assignThemesToFeedback(ctx().db, workspaceId, [...labelOf.keys()]);
    expect(empty).toMatchObject({ items: 80, links: 0, noThemes: true });
    await reclusterWorkspace(ctx().db, workspaceId);
    const billing = await themeOfLabel(workspaceId, labelOf, 'billing');
    const [fresh, unrelated] = await createAnalysedFeedback(ctx(), workspaceId, [
      {
        phrases: ['double charge', 'card'],
        sentiment: 0.2,
        aspects: [{ aspect: 'double charge', score: -0.7 }],
      },
      { phrases: ['zebra crossing'] },
    ]);
    const first = await assignThemesToFeedback(ctx().db, workspaceId, [fresh!, unrelated!]);
    const second = await assignThemesToFeedback(ctx().db, workspaceId, [fresh!, unrelated!]);
    expect(second).toEqual(first);
    const links = (await linksOf(workspaceId)).filter(
      (link) => link.feedbackId === fresh || link.feedbackId === unrelated,
    );
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ feedbackId: fresh, themeId: billing, sentimentScore: -0.7 });
  });

  it('keeps staff edits across re-clustering: names, pins, merges, splits and hand placements', async () => {
    const { workspaceId, ids, labelOf } = await seeded();
    await reclusterWorkspace(ctx().db, workspaceId);
    const delivery = await themeOfLabel(workspaceId, labelOf, 'delivery');
    const billing = await themeOfLabel(workspaceId, labelOf, 'billing');
    const login = await themeOfLabel(workspaceId, labelOf, 'login');
    const crash = await themeOfLabel(workspaceId, labelOf, 'crash');
    await updateTheme(ctx(), workspaceId, delivery, { name: 'Shipping', pinned: true });
    await mergeTheme(ctx(), workspaceId, crash, login);
    const split = await splitTheme(ctx(), workspaceId, billing, {
      phrases: ['double charge'],
      name: 'Double charges',
    });
    const handPicked = ids[0]!;
    await setFeedbackThemes(ctx(), workspaceId, handPicked, [billing], null);

    await reclusterWorkspace(ctx().db, workspaceId);
    const rows = new Map((await themesOf(workspaceId)).map((row) => [row.id, row]));
    expect(rows.get(delivery)).toMatchObject({ name: 'Shipping', pinned: true, status: 'active' });
    expect(rows.get(crash)).toMatchObject({ status: 'merged', mergedInto: login });
    expect(rows.get(split.id)).toMatchObject({ name: 'Double charges', status: 'active' });
    expect(rows.get(billing)!.terms['double charge']).toBeUndefined();
    const links = await linksOf(workspaceId);
    expect(links.some((link) => link.themeId === crash)).toBe(false);
    const crashItems = links.filter((link) => labelOf.get(link.feedbackId) === 'crash');
    expect(crashItems.length).toBeGreaterThan(0);
    expect(crashItems.every((link) => link.themeId === login)).toBe(true);
    const onlyDouble = await createAnalysedFeedback(ctx(), workspaceId, [
      { phrases: ['double charge'] },
    ]);
    await assignThemesToFeedback(ctx().db, workspaceId, onlyDouble);
    const placed = (await linksOf(workspaceId)).find((link) => link.feedbackId === onlyDouble[0]);
    expect(placed?.themeId).toBe(split.id);
    // The hand-placed item keeps exactly its staff link, and the correction is recorded.
    expect(links.filter((link) => link.feedbackId === handPicked)).toEqual([
      expect.objectContaining({ themeId: billing, source: 'staff' }),
    ]);
    const corrections = await ctx()
      .db.select()
      .from(analysisCorrections)
      .where(
        and(
          eq(analysisCorrections.workspaceId, workspaceId),
          eq(analysisCorrections.feedbackId, handPicked),
        ),
      );
    expect(corrections).toEqual([
      expect.objectContaining({ field: 'theme', corrected: [billing] }),
    ]);
  });

  it('flags a theme as recurring when negative items come back over weeks, and clears it', async () => {
    const { workspaceId, labelOf } = await seeded();
    await reclusterWorkspace(ctx().db, workspaceId);
    const billing = await themeOfLabel(workspaceId, labelOf, 'billing');
    const now = new Date('2026-03-19T12:00:00Z');
    const weeksAgo = (weeks: number) => new Date(now.getTime() - weeks * 7 * 86_400_000);
    const old = await createAnalysedFeedback(
      ctx(),
      workspaceId,
      [4, 4, 2, 2, 1, 1].map((weeks) => ({
        phrases: ['double charge', 'card'],
        sentiment: -0.6,
        receivedAt: weeksAgo(weeks),
      })),
    );
    await assignThemesToFeedback(ctx().db, workspaceId, old);
    const flagged = await updateRecurringIssues(ctx().db, workspaceId, now);
    expect(flagged.recurring).toBeGreaterThanOrEqual(1);
    const [row] = await ctx()
      .db.select()
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, billing)));
    expect(row).toMatchObject({ recurring: true });
    expect(row!.recurringSince!.toISOString()).toBe('2026-02-16T00:00:00.000Z');
    const later = await updateRecurringIssues(
      ctx().db,
      workspaceId,
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(later.recurring).toBe(0);
    const [cleared] = await ctx()
      .db.select()
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, billing)));
    expect(cleared).toMatchObject({ recurring: false, recurringSince: null });
  });

  it('runs the jobs: assign asks for a first clustering, fan-out queues one per workspace', async () => {
    const { workspaceId, ids } = await seeded();
    const context = {
      db: ctx().db,
      jobId: 1,
      attempt: 1,
      workspaceId,
      log: createLogger(testConfig()),
      signal: new AbortController().signal,
    };
    await assignJob.handler({ feedbackIds: ids.slice(0, 5) }, context);
    await assignJob.handler({ feedbackIds: ids.slice(5, 10) }, context);
    const queued = await queryRows<{ count: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS count FROM jobs WHERE workspace_id = ${workspaceId} AND name = ${RECLUSTER_JOB}`,
    );
    expect(queued[0]!.count).toBe(1);
    await fanOutJob.handler({ job: RECLUSTER_JOB }, { ...context, workspaceId: null });
    await fanOutJob.handler({ job: RECLUSTER_JOB }, { ...context, workspaceId: null });
    const after = await queryRows<{ count: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS count FROM jobs WHERE workspace_id = ${workspaceId} AND name = ${RECLUSTER_JOB}`,
    );
    expect(after[0]!.count).toBe(2);
  });
});

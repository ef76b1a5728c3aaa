import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { feedback } from '../../db/schema/index.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { bearer, createTestWorkspace, sessionHeaders, type TestUser } from '../../test/fixtures.ts';
import { seedDemo } from '../demo/demo.seed.ts';

interface NpsMonth {
  month: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  ciLow: number;
  ciHigh: number;
}
interface Overview {
  feedbackCount: number;
  contactCount: number;
  accountCount: number;
  touchpointCount: number;
  npsByMonth: NpsMonth[];
  byChannel: { channel: string; count: number }[];
  jobs: { queued: number; running: number; dead: number };
  demoSeeding: boolean;
}
interface FeedbackPage {
  items: {
    id: string;
    receivedAt: string;
    channel: string;
    text: string;
    contactName: string | null;
    accountName: string | null;
    touchpointName: string | null;
  }[];
  nextCursor: string | null;
}

const TIME_ZONE = 'America/Los_Angeles';

/** YYYY-MM of an instant in a time zone, computed by Intl rather than by SQL. */
function monthIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(instant);
  return `${parts.find((part) => part.type === 'year')?.value}-${parts.find((part) => part.type === 'month')?.value}`;
}

function monthsBack(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (monthNumber ?? 1) - 1 - count, 1));
  return date.toISOString().slice(0, 7);
}

describeEachEngine('feedback API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const overviewOf = async (workspaceId: string, user: TestUser) => {
    const response = await get(`/workspaces/${workspaceId}/overview`, sessionHeaders(user));
    expect(response.statusCode).toBe(200);
    return response.json<Overview>();
  };

  it('overview counts and NPS by month (in the workspace time zone) match a hand count', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}`,
      headers: sessionHeaders(workspace.owner),
      payload: { timezone: TIME_ZONE },
    });
    expect(patch.statusCode).toBe(200);
    await seedDemo(db, workspace.id, { items: 800, seed: 11 });
    // 03:00 UTC on the 1st of this month is still last month in Los Angeles.
    const now = new Date();
    const boundary = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 3));
    await db.insert(feedback).values({
      workspaceId: workspace.id,
      channel: 'survey',
      scoreType: 'nps',
      score: 10,
      receivedAt: boundary,
    });

    const overview = await overviewOf(workspace.id, workspace.owner);

    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`SELECT (SELECT count(*)::int FROM feedback WHERE workspace_id = ${workspace.id}) AS "feedbackCount",
                 (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspace.id}) AS "contactCount",
                 (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspace.id}) AS "accountCount",
                 (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${workspace.id}) AS "touchpointCount"`,
    );
    expect(counts).toEqual({
      feedbackCount: 801,
      contactCount: 600,
      accountCount: 60,
      touchpointCount: 8,
    });
    expect(overview).toMatchObject(counts ?? {});

    const rows = await db
      .select({
        channel: feedback.channel,
        scoreType: feedback.scoreType,
        score: feedback.score,
        receivedAt: feedback.receivedAt,
      })
      .from(feedback)
      .where(eq(feedback.workspaceId, workspace.id));
    const channelCounts = new Map<string, number>();
    for (const row of rows)
      channelCounts.set(row.channel, (channelCounts.get(row.channel) ?? 0) + 1);
    expect(
      Object.fromEntries(overview.byChannel.map((entry) => [entry.channel, entry.count])),
    ).toEqual(Object.fromEntries(channelCounts));

    const byMonth = (timeZone: string) => {
      const first = monthsBack(monthIn(timeZone, now), 17);
      const months = new Map<
        string,
        { responses: number; promoters: number; passives: number; detractors: number }
      >();
      for (const row of rows) {
        if (row.scoreType !== 'nps' || row.score === null) continue;
        const month = monthIn(timeZone, row.receivedAt);
        if (month < first) continue;
        const entry = months.get(month) ?? {
          responses: 0,
          promoters: 0,
          passives: 0,
          detractors: 0,
        };
        entry.responses += 1;
        if (row.score >= 9) entry.promoters += 1;
        else if (row.score >= 7) entry.passives += 1;
        else entry.detractors += 1;
        months.set(month, entry);
      }
      return [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, entry]) => ({ month, ...entry }));
    };
    const expected = byMonth(TIME_ZONE);
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(
      overview.npsByMonth.map(({ month, responses, promoters, passives, detractors }) => ({
        month,
        responses,
        promoters,
        passives,
        detractors,
      })),
    ).toEqual(expected);
    // The time zone matters: bucketing the same answers in UTC gives other months.
    expect(byMonth('UTC')).not.toEqual(expected);
    for (const month of overview.npsByMonth) {
      expect(month.nps).toBeCloseTo(
        (100 * (month.promoters - month.detractors)) / month.responses,
        1,
      );
      expect(month.ciLow).toBeLessThanOrEqual(month.nps);
      expect(month.ciHigh).toBeGreaterThanOrEqual(month.nps);
      expect(month.ciHigh - month.ciLow).toBeGreaterThan(0);
    }
  });

  it('overview reports queued jobs of this workspace only, and whether demo data is still coming', async () => {
    const workspace = await createTestWorkspace(ctx());
    const other = await createTestWorkspace(ctx());
    expect(await overviewOf(workspace.id, workspace.owner)).toMatchObject({
      feedbackCount: 0,
      npsByMonth: [],
      byChannel: [],
      jobs: { queued: 0, running: 0, dead: 0 },
      demoSeeding: false,
    });
    await ctx().jobs.enqueue({ name: 'demo.seed', workspaceId: workspace.id, payload: {} });
    await ctx().jobs.enqueue({ name: 'demo.seed', workspaceId: other.id, payload: {} });
    await ctx().jobs.enqueue({ name: 'system.jobs.cleanup', workspaceId: other.id, payload: {} });
    expect(await overviewOf(workspace.id, workspace.owner)).toMatchObject({
      jobs: { queued: 1, running: 0, dead: 0 },
      demoSeeding: true,
    });
    expect((await overviewOf(other.id, other.owner)).jobs.queued).toBe(2);
  });

  it('pages through every item exactly once, newest first, even with equal timestamps', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    await seedDemo(db, workspace.id, { items: 230, seed: 5 });
    // Ties on received_at, and times that differ only in microseconds.
    const tie = new Date(Date.now() - 86_400_000);
    const ties = Array.from({ length: 6 }, () => ({
      workspaceId: workspace.id,
      id: randomUUID(),
      channel: 'api' as const,
      text: 'tie',
      receivedAt: tie,
    }));
    await db.insert(feedback).values(ties);

    const seen: FeedbackPage['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=7&cursor=${cursor}` : 'limit=7';
      const response = await get(
        `/workspaces/${workspace.id}/feedback?${query}`,
        sessionHeaders(workspace.owner),
      );
      expect(response.statusCode).toBe(200);
      const page = response.json<FeedbackPage>();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      if (pages === 2) {
        // A new arrival does not shift later pages.
        await db.insert(feedback).values({
          workspaceId: workspace.id,
          channel: 'api',
          text: 'late',
          receivedAt: new Date(),
        });
      }
    } while (cursor && pages < 100);

    expect(seen).toHaveLength(236);
    expect(new Set(seen.map((item) => item.id)).size).toBe(236);
    expect(seen.some((item) => item.text === 'late')).toBe(false);
    for (let index = 1; index < seen.length; index += 1) {
      expect(seen[index]!.receivedAt <= seen[index - 1]!.receivedAt).toBe(true);
    }
    // Equal times come in descending id order (the cursor's tie-breaker).
    const tiedIds = seen.filter((item) => item.text === 'tie').map((item) => item.id);
    expect(tiedIds).toEqual(
      ties
        .map((tied) => tied.id)
        .sort()
        .reverse(),
    );
    const named = seen.find((item) => item.contactName !== null);
    expect(named).toMatchObject({
      contactName: expect.any(String),
      accountName: expect.any(String),
      touchpointName: expect.any(String),
    });

    const first = await get(
      `/workspaces/${workspace.id}/feedback`,
      sessionHeaders(workspace.owner),
    );
    expect(first.json<FeedbackPage>().items).toHaveLength(20);
  });

  it('keeps microsecond order across pages', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    // Times that differ only below the millisecond, which a JavaScript Date cannot hold.
    for (const micros of ['123456', '123789', '123001', '124000']) {
      await db.insert(feedback).values({
        workspaceId: workspace.id,
        channel: 'email',
        text: micros,
        receivedAt: sql`${`2025-02-03T04:05:06.${micros}Z`}::timestamptz`,
      });
    }
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${cursor}` : 'limit=1';
      const page: FeedbackPage = (
        await get(`/workspaces/${workspace.id}/feedback?${query}`, sessionHeaders(workspace.owner))
      ).json();
      texts.push(...page.items.map((item) => item.text));
      cursor = page.nextCursor;
    } while (cursor && texts.length < 10);
    expect(texts).toEqual(['124000', '123789', '123456', '123001']);
  });

  it('answers a bad cursor or limit with 400 and the error body', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const forged = Buffer.from('12345:not-a-uuid').toString('base64url');
    for (const query of [
      'cursor=%25%25not-base64',
      `cursor=${forged}`,
      'cursor=' + 'A'.repeat(40),
    ]) {
      const response = await get(`/workspaces/${workspace.id}/feedback?${query}`, headers);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'invalid_request',
          message: 'The cursor is not valid.',
          details: [{ path: 'querystring.cursor', message: expect.any(String) }],
        },
      });
    }
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'other=1']) {
      const response = await get(`/workspaces/${workspace.id}/feedback?${query}`, headers);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('lets a viewer and a viewer key read, and hides the workspace from everyone else', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    await seedDemo(db, workspace.id, { items: 20, seed: 3 });
    const viewer = await workspace.member('viewer');
    const viewerKey = await workspace.apiKey('viewer');
    const outsider = await createTestWorkspace(ctx());
    const outsiderKey = await outsider.apiKey('owner');

    for (const path of ['overview', 'feedback']) {
      const url = `/workspaces/${workspace.id}/${path}`;
      expect((await get(url, sessionHeaders(viewer))).statusCode).toBe(200);
      expect((await get(url, bearer(viewerKey))).statusCode).toBe(200);
      for (const headers of [sessionHeaders(outsider.owner), bearer(outsiderKey)]) {
        const response = await get(url, headers);
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
      }
      expect((await get(url, {})).statusCode).toBe(401);
    }
    const page = await get(
      `/workspaces/${workspace.id}/feedback?limit=100`,
      sessionHeaders(viewer),
    );
    expect(page.json<FeedbackPage>().items).toHaveLength(20);
  });
});

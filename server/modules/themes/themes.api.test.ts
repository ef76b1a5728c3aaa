import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accounts, touchpoints } from '../../db/schema/index.ts';
import { buildApp } from '../../http/app.ts';
import { labelledItems } from '../analysis/themes/themes.fixture.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { createAnalysedFeedback } from './themes.fixture.ts';
import { reclusterWorkspace } from './theming.service.ts';

interface ThemeStats {
  id: string;
  name: string;
  phrases: string[];
  status: string;
  volume: number;
  negative: number;
  negativeShare: number | null;
  sentiment: { average: number | null; n: number };
  nps: { score: number | null; n: number; ciLow: number | null; ciHigh: number | null };
}

describeEachEngine('themes API', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  let headers: Record<string, string>;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await buildApp(ctx());
    await app.ready();
    workspace = await createTestWorkspace(ctx());
    headers = sessionHeaders(workspace.owner);
    const [touchpoint] = await ctx()
      .db.insert(touchpoints)
      .values({ workspaceId: workspace.id, name: 'Checkout' })
      .returning();
    const [account] = await ctx()
      .db.insert(accounts)
      .values({ workspaceId: workspace.id, name: 'Initech' })
      .returning();
    const now = Date.now();
    const items = labelledItems(20);
    const feedbackIds = await createAnalysedFeedback(
      ctx(),
      workspace.id,
      items.map((item, index) => ({
        text: `${item.label} item ${index}`,
        phrases: [...item.phrases],
        // Billing: half the items negative detractors, half positive promoters.
        sentiment: item.label === 'billing' ? (index % 2 === 0 ? -0.6 : 0.4) : 0.1,
        score: item.label === 'billing' ? (index % 2 === 0 ? 2 : 10) : undefined,
        receivedAt: new Date(now - (index % 3) * 7 * 86_400_000),
        touchpointId: item.label === 'billing' ? touchpoint!.id : undefined,
        accountId: item.label === 'billing' ? account!.id : undefined,
      })),
    );
    feedbackIds.forEach((id, index) => ids.set(id, items[index]!.label));
    await reclusterWorkspace(ctx().db, workspace.id);
  }, 60_000);
  afterAll(() => app.close());

  const url = (path = '') => `/api/v1/workspaces/${workspace.id}/themes${path}`;
  const list = async () => {
    const response = await app.inject({ method: 'GET', url: url(), headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: ThemeStats[] }>().items;
  };
  const billingTheme = async () =>
    (await list()).find((theme) => theme.nps.n > 0 && theme.phrases.includes('double charge'))!;

  it('lists themes with volume, negative share, sentiment and NPS with sample sizes', async () => {
    const themes = await list();
    expect(themes.length).toBe(4);
    const billing = await billingTheme();
    expect(billing).toMatchObject({ volume: 20, negative: 10, negativeShare: 0.5 });
    expect(billing.sentiment).toEqual({ average: -0.1, n: 20 });
    expect(billing.nps).toMatchObject({ score: 0, n: 20 });
    expect(billing.nps.ciLow).toBeLessThan(0);
    expect(billing.nps.ciHigh).toBeGreaterThan(0);
    const other = themes.find((theme) => theme.id !== billing.id)!;
    expect(other.nps).toEqual({ score: null, n: 0, ciLow: null, ciHigh: null });
  });

  it('shows a theme with its series, touchpoints, accounts and quotes on both sides', async () => {
    const billing = await billingTheme();
    const response = await app.inject({ method: 'GET', url: url(`/${billing.id}`), headers });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.bucket).toBe('week');
    expect(detail.series.length).toBeGreaterThanOrEqual(3);
    expect(
      detail.series.reduce((sum: number, row: { volume: number }) => sum + row.volume, 0),
    ).toBe(20);
    expect(detail.series[0]).toMatchObject({
      period: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(detail.touchpoints).toEqual([
      expect.objectContaining({ name: 'Checkout', volume: 20, negative: 10 }),
    ]);
    expect(detail.accounts).toEqual([expect.objectContaining({ name: 'Initech', volume: 20 })]);
    expect(detail.quotes.positive).toHaveLength(3);
    expect(detail.quotes.negative).toHaveLength(3);
    expect(detail.quotes.negative[0].sentiment).toBeLessThan(0);
    const daily = await app.inject({
      method: 'GET',
      url: url(`/${billing.id}?bucket=day&from=2020-01-01`),
      headers,
    });
    expect(daily.json().series.length).toBeGreaterThanOrEqual(3);
  });

  it('answers unknown themes with 404 and bad edits with 4xx', async () => {
    const billing = await billingTheme();
    const unknown = randomUUID();
    const cases = [
      { method: 'GET' as const, url: url(`/${unknown}`), status: 404 },
      { method: 'PATCH' as const, url: url(`/${unknown}`), payload: { name: 'x' }, status: 404 },
      { method: 'PATCH' as const, url: url(`/${billing.id}`), payload: {}, status: 400 },
      {
        method: 'PATCH' as const,
        url: url(`/${billing.id}`),
        payload: { name: '  ' },
        status: 400,
      },
      {
        method: 'POST' as const,
        url: url(`/${billing.id}/merge`),
        payload: { intoThemeId: billing.id },
        status: 400,
      },
      {
        method: 'POST' as const,
        url: url(`/${billing.id}/merge`),
        payload: { intoThemeId: unknown },
        status: 404,
      },
      {
        method: 'POST' as const,
        url: url(`/${billing.id}/split`),
        payload: { phrases: ['volcano'] },
        status: 400,
      },
      {
        method: 'POST' as const,
        url: url(`/${billing.id}/split`),
        payload: { phrases: [] },
        status: 400,
      },
      { method: 'GET' as const, url: url('?from=2026-02-01&to=2026-01-01'), status: 400 },
      { method: 'GET' as const, url: url(`/${billing.id}?bucket=month`), status: 400 },
    ];
    for (const { status, ...request } of cases) {
      const response = await app.inject({ ...request, headers });
      expect({ request: `${request.method} ${request.url}`, status: response.statusCode }).toEqual({
        request: `${request.method} ${request.url}`,
        status,
      });
      expect(response.json().error.code).toEqual(expect.any(String));
    }
  });

  it('renames, splits and merges; a merged theme cannot be merged again', async () => {
    const [first, second] = (await list()).filter((theme) => theme.nps.n === 0);
    const renamed = await app.inject({
      method: 'PATCH',
      url: url(`/${first!.id}`),
      headers,
      payload: { name: 'Renamed by staff', pinned: true },
    });
    expect(renamed.json()).toMatchObject({
      name: 'Renamed by staff',
      nameLocked: true,
      pinned: true,
    });
    const split = await app.inject({
      method: 'POST',
      url: url(`/${first!.id}/split`),
      headers,
      payload: { phrases: [first!.phrases[0]!] },
    });
    expect(split.statusCode).toBe(201);
    expect(split.json().staffTerms.include).toEqual([first!.phrases[0]]);
    const merged = await app.inject({
      method: 'POST',
      url: url(`/${second!.id}/merge`),
      headers,
      payload: { intoThemeId: first!.id },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().id).toBe(first!.id);
    const again = await app.inject({
      method: 'POST',
      url: url(`/${second!.id}/merge`),
      headers,
      payload: { intoThemeId: first!.id },
    });
    expect(again.statusCode).toBe(409);
    const mergedList = await app.inject({ method: 'GET', url: url('?status=merged'), headers });
    expect(mergedList.json().items.map((theme: { id: string }) => theme.id)).toEqual([second!.id]);
  });

  it('lets an agent set and clear an item’s themes, and queues re-clustering for admins', async () => {
    const agent = sessionHeaders(await workspace.member('agent'));
    const billing = await billingTheme();
    const [feedbackId] = [...ids.keys()];
    const themesUrl = `/api/v1/workspaces/${workspace.id}/feedback/${feedbackId}/themes`;
    const set = await app.inject({
      method: 'PUT',
      url: themesUrl,
      headers: agent,
      payload: { themeIds: [billing.id] },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().themes).toEqual([
      expect.objectContaining({ themeId: billing.id, source: 'staff', weight: 1 }),
    ]);
    const cleared = await app.inject({
      method: 'PUT',
      url: themesUrl,
      headers: agent,
      payload: { themeIds: [] },
    });
    expect(cleared.json().themes).toEqual([]);
    const unknownTheme = await app.inject({
      method: 'PUT',
      url: themesUrl,
      headers: agent,
      payload: { themeIds: [randomUUID()] },
    });
    expect(unknownTheme.statusCode).toBe(404);
    const unknownItem = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/feedback/${randomUUID()}/themes`,
      headers: agent,
    });
    expect(unknownItem.statusCode).toBe(404);
    const recluster = await app.inject({ method: 'POST', url: url('/recluster'), headers });
    expect(recluster.statusCode).toBe(202);
    expect(recluster.json()).toHaveProperty('queued');
    const denied = await app.inject({ method: 'POST', url: url('/recluster'), headers: agent });
    expect(denied.statusCode).toBe(403);
  });
  it('names a theme by hand: pinned, kept by re-clustering, and a 4xx for a blank name', async () => {
    const agent = sessionHeaders(await workspace.member('agent'));
    const created = await app.inject({
      method: 'POST',
      url: url(),
      headers: agent,
      payload: { name: 'Courier lost the parcel', phrases: ['lost parcel', 'courier'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Courier lost the parcel', pinned: true });
    await reclusterWorkspace(ctx().db, workspace.id);
    expect((await list()).map((theme) => theme.name)).toContain('Courier lost the parcel');
    const blank = await app.inject({
      method: 'POST',
      url: url(),
      headers: agent,
      payload: { name: ' ' },
    });
    expect(blank.statusCode).toBe(400);
    const viewer = sessionHeaders(await workspace.member('viewer'));
    const denied = await app.inject({
      method: 'POST',
      url: url(),
      headers: viewer,
      payload: { name: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { createAnalysedFeedback, createTestTheme } from '../themes/themes.fixture.ts';

interface Item {
  id: string;
  text: string;
  themes: { themeId: string; name: string; weight: number; source: string }[];
}

/** The inbox shows each item's themes and narrows to one theme. */
describeEachEngine('inbox themes', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  let other: TestWorkspace;
  let delivery: string;
  let refunds: string;
  let otherTheme: string;
  let ids: string[];

  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
    other = await createTestWorkspace(ctx());
    delivery = await createTestTheme(ctx(), workspace.id, { name: 'Delivery' });
    refunds = await createTestTheme(ctx(), workspace.id, { name: 'Refunds' });
    otherTheme = await createTestTheme(ctx(), other.id, { name: 'Elsewhere' });
    ids = await createAnalysedFeedback(ctx(), workspace.id, [
      { text: 'Parcel late, refund please', phrases: ['parcel', 'refund'] },
      { text: 'Parcel broken', phrases: ['parcel'] },
      { text: 'Nice people', phrases: ['people'] },
    ]);
    for (const [id, themeIds] of [
      [ids[0]!, [refunds, delivery]],
      [ids[1]!, [delivery]],
    ] as const) {
      const set = await app.inject({
        method: 'PUT',
        url: `/api/v1/workspaces/${workspace.id}/feedback/${id}/themes`,
        headers: sessionHeaders(workspace.owner),
        payload: { themeIds },
      });
      expect(set.statusCode).toBe(200);
    }
  });
  afterAll(() => app.close());

  async function list(query = '', ws: TestWorkspace = workspace) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws.id}/feedback?${query}`,
      headers: sessionHeaders(ws.owner),
    });
    return { status: response.statusCode, items: (response.json().items ?? []) as Item[] };
  }

  it('lists each item with its themes, by name, and an empty list for none', async () => {
    const { items } = await list();
    const byText = new Map(items.map((item) => [item.text, item.themes]));
    expect(byText.get('Parcel late, refund please')).toEqual([
      { themeId: delivery, name: 'Delivery', weight: 1, source: 'staff' },
      { themeId: refunds, name: 'Refunds', weight: 1, source: 'staff' },
    ]);
    expect(byText.get('Parcel broken')!.map((theme) => theme.name)).toEqual(['Delivery']);
    expect(byText.get('Nice people')).toEqual([]);
  });

  it('gives the themes on the detail route too', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/feedback/${ids[1]}`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().themes.map((theme: { themeId: string }) => theme.themeId)).toEqual([
      delivery,
    ]);
  });

  it('narrows to one theme, and a theme of another workspace matches nothing', async () => {
    const texts = async (query: string) =>
      (await list(query)).items.map((item) => item.text).sort();
    expect(await texts(`themeId=${delivery}`)).toEqual([
      'Parcel broken',
      'Parcel late, refund please',
    ]);
    expect(await texts(`themeId=${refunds}`)).toEqual(['Parcel late, refund please']);
    expect(await texts(`themeId=${otherTheme}`)).toEqual([]);
    expect(await texts(`themeId=${randomUUID()}`)).toEqual([]);
    expect((await list('themeId=delivery')).status).toBe(400);
  });
});

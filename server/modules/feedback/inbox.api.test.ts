import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accounts, feedback, touchpoints } from '../../db/schema/index.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';

/** The unified inbox: every filter narrows the list, alone and together. */
describeEachEngine('inbox filters', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  let touchpointId: string;
  let accountId: string;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
    const ws = workspace.id;
    [{ id: touchpointId }] = (await ctx()
      .db.insert(touchpoints)
      .values({ workspaceId: ws, name: 'Delivery' })
      .returning({ id: touchpoints.id })) as [{ id: string }];
    [{ id: accountId }] = (await ctx()
      .db.insert(accounts)
      .values({ workspaceId: ws, name: 'Globex' })
      .returning({ id: accounts.id })) as [{ id: string }];
    await ctx()
      .db.insert(feedback)
      .values([
        {
          workspaceId: ws,
          channel: 'survey',
          scoreType: 'nps',
          score: 2,
          text: 'Parcel arrived broken',
          touchpointId,
          accountId,
          receivedAt: new Date('2026-03-02T10:00:00Z'),
        },
        {
          workspaceId: ws,
          channel: 'survey',
          scoreType: 'nps',
          score: 10,
          text: 'Love the 50% off deal',
          receivedAt: new Date('2026-04-10T10:00:00Z'),
        },
        {
          workspaceId: ws,
          channel: 'email',
          text: 'Refund for order A_B please',
          accountId,
          receivedAt: new Date('2026-05-01T10:00:00Z'),
        },
        {
          workspaceId: ws,
          channel: 'social',
          text: 'Five hundred off? 500 off!',
          receivedAt: new Date('2026-05-20T10:00:00Z'),
        },
      ]);
  });
  afterAll(() => app.close());

  async function texts(query: string) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/feedback?${query}`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(response.statusCode).toBe(200);
    return response
      .json()
      .items.map((item: { text: string }) => item.text)
      .sort();
  }

  it('filters by channel, touchpoint, account, score and date', async () => {
    expect(await texts('channel=email')).toEqual(['Refund for order A_B please']);
    expect(await texts(`touchpointId=${touchpointId}`)).toEqual(['Parcel arrived broken']);
    expect(await texts(`accountId=${accountId}`)).toEqual([
      'Parcel arrived broken',
      'Refund for order A_B please',
    ]);
    expect(await texts('scoreType=nps&scoreMax=6')).toEqual(['Parcel arrived broken']);
    expect(await texts('scoreMin=9')).toEqual(['Love the 50% off deal']);
    expect(await texts('from=2026-04-01&to=2026-05-10')).toEqual([
      'Love the 50% off deal',
      'Refund for order A_B please',
    ]);
    expect(await texts(`channel=survey&accountId=${accountId}`)).toEqual(['Parcel arrived broken']);
  });

  it('searches text case-insensitively, taking % and _ literally', async () => {
    expect(await texts('q=PARCEL')).toEqual(['Parcel arrived broken']);
    expect(await texts('q=50%25')).toEqual(['Love the 50% off deal']);
    expect(await texts('q=A_B')).toEqual(['Refund for order A_B please']);
    expect(await texts('q=nothing-like-this')).toEqual([]);
  });

  it('explains impossible filters', async () => {
    for (const query of [
      'scoreMin=8&scoreMax=3',
      'from=yesterday',
      'channel=pigeon',
      `q=${'x'.repeat(201)}`,
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.id}/feedback?${query}`,
        headers: sessionHeaders(workspace.owner),
      });
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
    }
  });
});

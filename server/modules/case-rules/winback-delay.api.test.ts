import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { findCaseOfFeedback } from '../cases/cases.repository.ts';
import { dueWinbacks } from '../replies/winback.repository.ts';
import { closeCase } from '../replies/replies.test-helper.ts';
import { seedItem } from './case-rules.fixture.ts';
import { routeFeedback } from './routing.service.ts';

/**
 * A rule sets the win-back delay of its cases (`deadlines.winback.hours`, 0 = at once), as the
 * win-back job reads it from the case; the stage deadlines stay positive.
 */
describeEachEngine('case rule win-back delay', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('is accepted, copied to the cases the rule opens, and makes a closed case due', async () => {
    const workspace = await createTestWorkspace(ctx());
    const post = (deadlines: object) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/case-rules`,
        headers: sessionHeaders(workspace.owner),
        payload: {
          name: 'Detractors',
          conditions: [{ type: 'detractor' }],
          assignment: { strategy: 'user', userId: workspace.owner.id },
          deadlines,
        },
      });
    expect((await post({ winback: { hours: -1 } })).statusCode).toBe(400);
    expect((await post({ winback: { hours: 1, businessHours: true } })).statusCode).toBe(400);
    expect((await post({ engage: { hours: 0 } })).statusCode).toBe(400);
    const created = await post({ engage: { hours: 4 }, winback: { hours: 0 } });
    expect(created.statusCode).toBe(201);
    expect(created.json().deadlines).toEqual({
      engage: { hours: 4, businessHours: false },
      winback: { hours: 0 },
    });

    const now = new Date();
    const item = await seedItem(ctx(), workspace.id, { score: 2 });
    await routeFeedback(ctx().db, workspace.id, [item], now);
    const caseId = await findCaseOfFeedback(ctx().db, workspace.id, item);
    if (!caseId) throw new Error('the rule opened no case');
    const due = async () =>
      (await dueWinbacks(ctx().db, now, 1000)).filter((d) => d.workspaceId === workspace.id);
    expect(await due()).toEqual([]);
    await closeCase(ctx(), workspace.id, caseId, now);
    expect((await due()).map((d) => d.caseId)).toEqual([caseId]);
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestContact, createTestWorkspace } from '../../test/fixtures.ts';
import { createTestTheme } from '../themes/themes.fixture.ts';
import { createSampleCase } from './cases.fixture.ts';
import * as service from './cases.service.ts';
import { closeCase, reopenCase } from './closing.service.ts';

const T0 = new Date('2026-11-02T09:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

/** The status and code of what `promise` throws. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError)
      return { status: error.status, code: error.code, paths: error.details.map((d) => d.path) };
    throw error;
  }
  throw new Error('expected a failure');
}

describeEachEngine('case service', ({ ctx }) => {
  async function setup() {
    const workspace = await createTestWorkspace(ctx());
    const agent = await workspace.member('agent');
    return { workspace, ws: workspace.id, agent };
  }
  const events = (ws: string, caseId: string) =>
    queryRows<{ type: string; data: Record<string, unknown>; actorId: string | null }>(
      ctx().db,
      sql`SELECT type, data, actor_id AS "actorId" FROM case_events
          WHERE workspace_id = ${ws} AND case_id = ${caseId} ORDER BY id`,
    );

  it('opens a case by hand owned by the opener, and merges a second item into it', async () => {
    const { ws, agent } = await setup();
    const contactId = await createTestContact(ctx(), ws);
    const items = await queryRows<{ id: string }>(
      ctx().db,
      sql`SELECT id FROM feedback WHERE workspace_id = ${ws} AND contact_id = ${contactId} ORDER BY text`,
    );
    const first = await service.openCase(
      ctx(),
      ws,
      { feedbackIds: [items[0]!.id], kind: 'case' },
      agent.id,
      T0,
    );
    expect(first.created).toBe(true);
    const detail = await service.getCase(ctx(), ws, first.caseId, T0);
    expect(detail.case).toMatchObject({ stage: 'engage', owner: { id: agent.id }, scoreBefore: 3 });
    expect(detail.case.title).toBe('Call me on 555-0100, the TPS reports broke again.');
    expect(detail.contact?.id).toBe(contactId);
    expect(detail.feedback.map((f) => f.id)).toEqual([items[0]!.id]);
    expect(detail.history.feedback.map((f) => f.id)).toEqual([items[1]!.id]);
    expect(detail.timeline.map((e) => [e.type, e.actor?.name])).toEqual([
      ['opened', 'agent person'],
    ]);

    const second = await service.openCase(
      ctx(),
      ws,
      { feedbackIds: [items[1]!.id], kind: 'case' },
      agent.id,
      T0,
    );
    expect(second).toEqual({ caseId: first.caseId, created: false });
    expect((await events(ws, first.caseId)).map((e) => e.type)).toEqual([
      'opened',
      'feedback_added',
    ]);
    // Opening again from an item already in it returns the same case, not a second one.
    const again = await service.openCase(
      ctx(),
      ws,
      { feedbackIds: [items[0]!.id], kind: 'case' },
      agent.id,
      T0,
    );
    expect(again).toEqual({ caseId: first.caseId, created: false });
  });

  it('refuses unknown items and items of different customers', async () => {
    const { ws, agent } = await setup();
    const a = await createSampleCase(ctx(), ws);
    const b = await createSampleCase(ctx(), ws);
    expect(
      await failure(
        service.openCase(
          ctx(),
          ws,
          { feedbackIds: [a.feedbackIds[1]!, b.feedbackIds[1]!], kind: 'case' },
          agent.id,
          T0,
        ),
      ),
    ).toMatchObject({ status: 400, paths: ['feedbackIds'] });
    expect(
      await failure(
        service.openCase(
          ctx(),
          ws,
          { feedbackIds: ['00000000-0000-4000-8000-000000000000'], kind: 'case' },
          agent.id,
          T0,
        ),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('moves one stage at a time with the rule deadline, back one, and loses a race cleanly', async () => {
    const { ws, agent } = await setup();
    const { caseId } = await createSampleCase(ctx(), ws, { at: T0 });
    expect(
      await failure(service.moveCaseStage(ctx(), ws, caseId, { to: 'follow_up' }, agent.id, T0)),
    ).toMatchObject({ status: 400, paths: ['to'] });
    const racers = await Promise.allSettled([
      service.moveCaseStage(ctx(), ws, caseId, { to: 'process', from: 'engage' }, agent.id, T0),
      service.moveCaseStage(ctx(), ws, caseId, { to: 'process', from: 'engage' }, agent.id, T0),
    ]);
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = racers.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppError).status).toBe(409);
    let detail = await service.getCase(ctx(), ws, caseId, T0);
    expect(detail.case.stage).toBe('process');
    expect(detail.case.dueAt).toBe(hours(48).toISOString());
    await service.moveCaseStage(ctx(), ws, caseId, { to: 'follow_up' }, agent.id, hours(1));
    await service.moveCaseStage(ctx(), ws, caseId, { to: 'process' }, agent.id, hours(2));
    detail = await service.getCase(ctx(), ws, caseId, hours(2));
    expect(detail.case).toMatchObject({ stage: 'process', dueAt: hours(50).toISOString() });
    const moves = (await events(ws, caseId)).filter((e) => e.type === 'stage_changed');
    expect(moves.map((e) => `${String(e.data.from)}>${String(e.data.to)}`)).toEqual([
      'engage>process',
      'process>follow_up',
      'follow_up>process',
    ]);
  });

  it('lets a thank-you loop skip ahead', async () => {
    const { ws, agent } = await setup();
    const { caseId } = await createSampleCase(ctx(), ws, { kind: 'thank_you' });
    await service.moveCaseStage(ctx(), ws, caseId, { to: 'follow_up' }, agent.id, T0);
    expect((await service.getCase(ctx(), ws, caseId, T0)).case.stage).toBe('follow_up');
  });

  it('closes only with a root cause theme and the action taken; reopens into Engage', async () => {
    const { ws, agent } = await setup();
    const { caseId } = await createSampleCase(ctx(), ws);
    const themeId = await createTestTheme(ctx(), ws);
    expect(
      await failure(
        closeCase(
          ctx(),
          ws,
          caseId,
          { outcome: 'resolved', actionTaken: '', actionIds: [] },
          agent.id,
          T0,
        ),
      ),
    ).toMatchObject({ status: 400, paths: ['rootCauseThemeId', 'actionTaken'] });
    expect(
      await failure(
        closeCase(
          ctx(),
          ws,
          caseId,
          {
            outcome: 'resolved',
            rootCauseThemeId: '00000000-0000-4000-8000-000000000000',
            actionTaken: 'x',
            actionIds: [],
          },
          agent.id,
          T0,
        ),
      ),
    ).toMatchObject({ status: 400, paths: ['rootCauseThemeId'] });
    await closeCase(
      ctx(),
      ws,
      caseId,
      { outcome: 'won_back', rootCauseThemeId: themeId, actionTaken: 'Refunded.', actionIds: [] },
      agent.id,
      hours(3),
    );
    const closed = await service.getCase(ctx(), ws, caseId, hours(3));
    expect(closed.case).toMatchObject({
      stage: 'closed',
      outcome: 'won_back',
      resolution: 'Refunded.',
      closedAt: hours(3).toISOString(),
      dueAt: null,
      rootCause: { id: themeId },
    });
    expect(
      await failure(
        closeCase(
          ctx(),
          ws,
          caseId,
          { outcome: 'resolved', rootCauseThemeId: themeId, actionTaken: 'x', actionIds: [] },
          agent.id,
          T0,
        ),
      ),
    ).toMatchObject({ status: 409 });
    expect(
      await failure(service.moveCaseStage(ctx(), ws, caseId, { to: 'process' }, agent.id, T0)),
    ).toMatchObject({ status: 409 });

    await reopenCase(ctx(), ws, caseId, 'They wrote again', agent.id, hours(4));
    const reopened = await service.getCase(ctx(), ws, caseId, hours(4));
    expect(reopened.case).toMatchObject({ stage: 'engage', outcome: null, closedAt: null });
    expect(reopened.case.dueAt).toBe(hours(12).toISOString());
    expect(
      reopened.timeline.map((e) => e.type).filter((t) => t === 'closed' || t === 'reopened'),
    ).toEqual(['closed', 'reopened']);
    expect(await failure(reopenCase(ctx(), ws, caseId, 'again', agent.id, T0))).toMatchObject({
      status: 409,
    });
  });

  it('closes a thank-you loop without a root cause, and refuses to reopen beside an open case', async () => {
    const { ws, agent } = await setup();
    const thanks = await createSampleCase(ctx(), ws, { kind: 'thank_you' });
    await closeCase(
      ctx(),
      ws,
      thanks.caseId,
      { outcome: 'resolved', actionTaken: '', actionIds: [] },
      agent.id,
      T0,
    );
    expect((await service.getCase(ctx(), ws, thanks.caseId, T0)).case.stage).toBe('closed');
    // A new thank-you case for the same customer is open; the old one cannot reopen beside it.
    await service.openCase(
      ctx(),
      ws,
      { feedbackIds: [thanks.feedbackIds[1]!], kind: 'thank_you' },
      agent.id,
      T0,
    );
    expect(
      await failure(reopenCase(ctx(), ws, thanks.caseId, 'again', agent.id, T0)),
    ).toMatchObject({
      status: 409,
    });
  });

  it('assigns only members and existing teams, and tells the new owner by email', async () => {
    const { workspace, ws, agent } = await setup();
    const { caseId } = await createSampleCase(ctx(), ws);
    const outsider = await createTestWorkspace(ctx());
    expect(
      await failure(
        service.assignCase(ctx(), ws, caseId, { ownerId: outsider.owner.id }, agent.id),
      ),
    ).toMatchObject({ status: 400, paths: ['ownerId'] });
    expect(
      await failure(
        service.assignCase(
          ctx(),
          ws,
          caseId,
          { teamId: '00000000-0000-4000-8000-000000000000' },
          agent.id,
        ),
      ),
    ).toMatchObject({ status: 400, paths: ['teamId'] });
    await service.assignCase(ctx(), ws, caseId, { ownerId: workspace.owner.id }, agent.id);
    const detail = await service.getCase(ctx(), ws, caseId, T0);
    expect(detail.case.owner?.id).toBe(workspace.owner.id);
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'assigned', actor: { id: agent.id } });
    const mail = await queryRows<{ to: string; purpose: string; caseId: string }>(
      ctx().db,
      sql`SELECT "to", purpose, case_id AS "caseId" FROM outbox_messages WHERE workspace_id = ${ws}`,
    );
    expect(mail).toEqual([{ to: workspace.owner.email, purpose: 'internal', caseId }]);
  });

  it('lists my queue first, overdue first, and filters overdue and title text', async () => {
    const { ws, agent } = await setup();
    const other = await createSampleCase(ctx(), ws, { at: hours(-100) });
    const mineLater = await createSampleCase(ctx(), ws, { ownerId: agent.id, at: hours(5) });
    const mineOverdue = await createSampleCase(ctx(), ws, { ownerId: agent.id, at: hours(-20) });
    const queue = await service.listCases(
      ctx(),
      ws,
      { queue: 'mine', limit: 2, offset: 0 },
      agent.id,
      T0,
    );
    expect(queue.items.map((c) => c.id)).toEqual([mineOverdue.caseId, mineLater.caseId]);
    expect(queue.items[0]!.overdue).toBe(true);
    expect(queue.nextOffset).toBe(2);
    const rest = await service.listCases(
      ctx(),
      ws,
      { queue: 'mine', limit: 2, offset: 2 },
      agent.id,
      T0,
    );
    expect(rest).toEqual({
      items: [expect.objectContaining({ id: other.caseId })],
      nextOffset: null,
    });
    const overdue = await service.listCases(
      ctx(),
      ws,
      { overdue: true, queue: 'all', limit: 10, offset: 0 },
      agent.id,
      T0,
    );
    expect(overdue.items.map((c) => c.id).sort()).toEqual(
      [other.caseId, mineOverdue.caseId].sort(),
    );
    const mine = await service.listCases(
      ctx(),
      ws,
      { owner: 'me', queue: 'all', limit: 10, offset: 0 },
      agent.id,
      T0,
    );
    expect(mine.items).toHaveLength(2);
    const none = await service.listCases(
      ctx(),
      ws,
      { q: 'nothing like it', queue: 'all', limit: 10, offset: 0 },
      agent.id,
      T0,
    );
    expect(none.items).toEqual([]);
    const tps = await service.listCases(
      ctx(),
      ws,
      { q: 'tps', queue: 'all', limit: 10, offset: 0 },
      agent.id,
      T0,
    );
    expect(tps.items).toHaveLength(3);
  });
});

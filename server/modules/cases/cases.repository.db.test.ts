import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestContact, createTestWorkspace } from '../../test/fixtures.ts';
import * as repo from './cases.repository.ts';

const plan = (contactId: string | null, feedbackIds: string[]): repo.NewCase => ({
  kind: 'case',
  title: 'Detractor',
  contactId,
  accountId: null,
  ownerId: null,
  teamId: null,
  ruleId: null,
  dueAt: new Date('2026-12-01T12:00:00Z'),
  deadlines: { engage: { hours: 8, businessHours: true } },
  scoreType: 'nps',
  scoreBefore: 3,
  feedbackIds,
  actorId: null,
});

describeEachEngine('cases repository', ({ ctx }) => {
  async function contactWithItems() {
    const workspace = await createTestWorkspace(ctx());
    const contactId = await createTestContact(ctx(), workspace.id);
    const items = await queryRows<{ id: string }>(
      ctx().db,
      sql`SELECT id FROM feedback WHERE workspace_id = ${workspace.id} ORDER BY text`,
    );
    return { workspaceId: workspace.id, contactId, itemIds: items.map((i) => i.id) };
  }

  it('numbers cases per workspace and records the opening on the timeline', async () => {
    const { workspaceId, contactId, itemIds } = await contactWithItems();
    const opened = await repo.insertCases(ctx().db, workspaceId, [
      plan(contactId, [itemIds[0]!]),
      plan(null, [itemIds[1]!]),
    ]);
    expect(opened.map((c) => c.number)).toEqual([1, 2]);
    const found = await repo.findCase(ctx().db, workspaceId, opened[0]!.id);
    expect(found).toMatchObject({ stage: 'engage', scoreBefore: 3, contactId });
    const events = await queryRows<{ type: string }>(
      ctx().db,
      sql`SELECT type FROM case_events WHERE workspace_id = ${workspaceId}`,
    );
    expect(events.map((e) => e.type)).toEqual(['opened', 'opened']);
    expect(await repo.findCaseOfFeedback(ctx().db, workspaceId, itemIds[1]!)).toBe(opened[1]!.id);
  });

  it('opens one case per contact and kind: a second is skipped, its item merges', async () => {
    const { workspaceId, contactId, itemIds } = await contactWithItems();
    const [first] = await repo.insertCases(ctx().db, workspaceId, [plan(contactId, [itemIds[0]!])]);
    expect(await repo.insertCases(ctx().db, workspaceId, [plan(contactId, [itemIds[1]!])])).toEqual(
      [],
    );
    const open = await repo.findOpenCasesForContacts(ctx().db, workspaceId, 'case', [contactId]);
    expect(open).toEqual([{ id: first!.id, contactId }]);
    const added = await repo.attachFeedback(ctx().db, workspaceId, [
      { caseId: first!.id, feedbackId: itemIds[1]!, merged: true },
    ]);
    expect(added).toHaveLength(1);
    // Routing the same item again adds nothing and opens nothing.
    expect(
      await repo.attachFeedback(ctx().db, workspaceId, [
        { caseId: first!.id, feedbackId: itemIds[1]!, merged: true },
      ]),
    ).toEqual([]);
    expect(await repo.insertCases(ctx().db, workspaceId, [plan(null, [itemIds[1]!])])).toEqual([]);
  });

  it('moves a stage only from the stage it expects', async () => {
    const { workspaceId, contactId, itemIds } = await contactWithItems();
    const [opened] = await repo.insertCases(ctx().db, workspaceId, [
      plan(contactId, [itemIds[0]!]),
    ]);
    const at = new Date();
    const move = { from: 'engage' as const, to: 'process' as const, dueAt: null, at };
    expect(await repo.moveStage(ctx().db, workspaceId, opened!.id, move)).toBe(true);
    expect(await repo.moveStage(ctx().db, workspaceId, opened!.id, move)).toBe(false);
    expect((await repo.findCase(ctx().db, workspaceId, opened!.id))?.stage).toBe('process');
  });
});

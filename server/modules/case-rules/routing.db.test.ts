import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { staffTeams } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createTheme } from '../alerts/alerts.fixture.ts';
import { createTestFeedback } from '../feedback-analysis/analysis.fixture.ts';
import { analyseFeedback } from '../feedback-analysis/analysis.service.ts';
import {
  createAccount,
  createCaseRule,
  createContactOf,
  createTeamWith,
  createTouchpoint,
  seedItem,
} from './case-rules.fixture.ts';
import { routeFeedback } from './routing.service.ts';
import { and, eq } from 'drizzle-orm';

interface CaseView {
  id: string;
  kind: string;
  title: string;
  ownerId: string | null;
  teamId: string | null;
  ruleId: string | null;
  dueAt: string | null;
  scoreType: string | null;
  scoreBefore: number | null;
  contactId: string | null;
  items: number;
}

describeEachEngine('case routing', ({ ctx }) => {
  const casesOf = (workspaceId: string) =>
    queryRows<CaseView>(
      ctx().db,
      sql`SELECT c.id, c.kind, c.title, c.owner_id AS "ownerId", c.team_id AS "teamId",
            c.rule_id AS "ruleId", c.due_at AS "dueAt", c.score_type AS "scoreType",
            c.score_before AS "scoreBefore", c.contact_id AS "contactId",
            (SELECT count(*)::int FROM case_feedback cf WHERE cf.workspace_id = c.workspace_id
              AND cf.case_id = c.id) AS items
          FROM cases c WHERE c.workspace_id = ${workspaceId} ORDER BY c.number`,
    );

  it('opens a case for a detractor, owned by the account owner, once however often it runs', async () => {
    const workspace = await createTestWorkspace(ctx());
    const accountId = await createAccount(ctx(), workspace.id, { ownerId: workspace.owner.id });
    const rule = await createCaseRule(ctx(), workspace.id);
    const now = new Date();
    const low = await seedItem(ctx(), workspace.id, { accountId, score: 3, text: '' });
    const high = await seedItem(ctx(), workspace.id, { accountId, score: 9 });
    expect(await routeFeedback(ctx().db, workspace.id, [low, high], now)).toEqual({
      evaluated: 2,
      matched: 1,
      opened: 1,
      merged: 0,
    });
    expect(await routeFeedback(ctx().db, workspace.id, [low, high, low], now)).toMatchObject({
      evaluated: 1,
      opened: 0,
    });
    await Promise.all([
      routeFeedback(ctx().db, workspace.id, [low], now),
      routeFeedback(ctx().db, workspace.id, [low], now),
    ]);
    const cases = await casesOf(workspace.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      title: 'NPS 3 from Acme',
      ownerId: workspace.owner.id,
      ruleId: rule.id,
      scoreType: 'nps',
      scoreBefore: 3,
      items: 1,
      kind: 'case',
    });
    expect(new Date(cases[0]!.dueAt!).getTime()).toBe(now.getTime() + 24 * 3_600_000);
  });

  it('puts a contact’s items into one case and merges later ones into it', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createCaseRule(ctx(), workspace.id, {
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const contactId = await createContactOf(ctx(), workspace.id, null);
    const first = await seedItem(ctx(), workspace.id, { contactId, score: 2 });
    const second = await seedItem(ctx(), workspace.id, { contactId, score: 4 });
    const other = await seedItem(ctx(), workspace.id, { score: 1 });
    expect(
      await routeFeedback(ctx().db, workspace.id, [first, second, other], new Date()),
    ).toMatchObject({
      opened: 2,
      merged: 0,
    });
    const later = await seedItem(ctx(), workspace.id, {
      contactId,
      score: 0,
      text: 'Still broken',
    });
    expect(await routeFeedback(ctx().db, workspace.id, [later], new Date())).toMatchObject({
      opened: 0,
      merged: 1,
    });
    const cases = await casesOf(workspace.id);
    expect(cases.map((c) => [c.contactId, c.items])).toEqual([
      [contactId, 3],
      [null, 1],
    ]);
    const events = await queryRows<{ type: string; merged: boolean | null }>(
      ctx().db,
      sql`SELECT type, (data->>'merged')::boolean AS merged FROM case_events
          WHERE workspace_id = ${workspace.id} AND case_id = ${cases[0]!.id} ORDER BY id`,
    );
    expect(events).toEqual([
      { type: 'opened', merged: null },
      { type: 'feedback_added', merged: true },
    ]);
  });

  it('leaves a contact’s new item out of their open case when the rule does not merge', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createCaseRule(ctx(), workspace.id, {
      mergeIntoOpen: false,
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const contactId = await createContactOf(ctx(), workspace.id, null);
    const first = await seedItem(ctx(), workspace.id, { contactId, score: 2 });
    await routeFeedback(ctx().db, workspace.id, [first], new Date());
    const later = await seedItem(ctx(), workspace.id, { contactId, score: 1 });
    expect(await routeFeedback(ctx().db, workspace.id, [later], new Date())).toMatchObject({
      matched: 1,
      opened: 0,
      merged: 0,
    });
    expect((await casesOf(workspace.id)).map((c) => c.items)).toEqual([1]);
  });

  it('hands cases out in turn among the listed users, across batches', async () => {
    const workspace = await createTestWorkspace(ctx());
    const users = [
      workspace.owner.id,
      (await workspace.member('agent')).id,
      (await workspace.member('admin')).id,
    ];
    const rule = await createCaseRule(ctx(), workspace.id, {
      assignment: { strategy: 'round_robin', userIds: users },
    });
    const batch = [];
    for (let i = 0; i < 4; i += 1) batch.push(await seedItem(ctx(), workspace.id, { score: i }));
    await routeFeedback(ctx().db, workspace.id, batch, new Date());
    const fifth = await seedItem(ctx(), workspace.id, { score: 5 });
    await routeFeedback(ctx().db, workspace.id, [fifth], new Date());
    expect((await casesOf(workspace.id)).map((c) => c.ownerId)).toEqual([
      users[0],
      users[1],
      users[2],
      users[0],
      users[1],
    ]);
    const [counter] = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT assigned_count AS n FROM case_rules WHERE workspace_id = ${workspace.id} AND id = ${rule.id}`,
    );
    expect(counter!.n).toBe(5);
  });

  it('gives touchpoint cases to the touchpoint’s team: its people in turn, else its lead, else the fallback', async () => {
    const workspace = await createTestWorkspace(ctx());
    const agent = await workspace.member('agent');
    const admin = await workspace.member('admin');
    const staffed = await createTeamWith(ctx(), workspace.id, {
      leadUserId: admin.id,
      memberUserIds: [agent.id, workspace.owner.id],
    });
    const ledOnly = await createTeamWith(ctx(), workspace.id, { leadUserId: admin.id });
    await createCaseRule(ctx(), workspace.id, {
      assignment: { strategy: 'touchpoint_team', fallbackUserId: agent.id },
    });
    const staffedTp = await createTouchpoint(ctx(), workspace.id, staffed);
    const ledTp = await createTouchpoint(ctx(), workspace.id, ledOnly);
    const bareTp = await createTouchpoint(ctx(), workspace.id, null);
    const ids = [
      await seedItem(ctx(), workspace.id, { touchpointId: staffedTp }),
      await seedItem(ctx(), workspace.id, { touchpointId: staffedTp }),
      await seedItem(ctx(), workspace.id, { touchpointId: ledTp }),
      await seedItem(ctx(), workspace.id, { touchpointId: bareTp }),
    ];
    await routeFeedback(ctx().db, workspace.id, ids, new Date());
    const cases = await casesOf(workspace.id);
    expect(cases.map((c) => c.teamId)).toEqual([staffed, staffed, ledOnly, null]);
    expect(new Set([cases[0]!.ownerId, cases[1]!.ownerId])).toEqual(
      new Set([agent.id, workspace.owner.id]),
    );
    expect(cases[2]!.ownerId).toBe(admin.id);
    expect(cases[3]!.ownerId).toBe(agent.id);
  });

  it('routes by the first enabled rule by position: praise to a thank-you loop', async () => {
    const workspace = await createTestWorkspace(ctx());
    const theme = await createTheme(ctx(), workspace.id, 'Billing');
    const thanks = await createCaseRule(ctx(), workspace.id, {
      name: 'Thanks',
      kind: 'thank_you',
      conditions: [{ type: 'positive' }],
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const billing = await createCaseRule(ctx(), workspace.id, {
      name: 'Billing',
      position: 0,
      conditions: [
        { type: 'theme', themeIds: [theme] },
        { type: 'sentiment', labels: ['negative'] },
      ],
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    await createCaseRule(ctx(), workspace.id, {
      name: 'Off',
      enabled: false,
      position: 0,
      conditions: [],
    });
    const praise = await seedItem(ctx(), workspace.id, {
      score: 10,
      sentiment: 'positive',
      text: 'Lovely',
    });
    const billed = await seedItem(ctx(), workspace.id, { score: 8, themeIds: [theme] });
    const neither = await seedItem(ctx(), workspace.id, { score: 8, sentiment: 'neutral' });
    await routeFeedback(ctx().db, workspace.id, [praise, billed, neither], new Date());
    const cases = await casesOf(workspace.id);
    expect(cases.map((c) => [c.kind, c.ruleId, c.title])).toEqual([
      ['thank_you', thanks.id, 'Lovely'],
      ['case', billing.id, 'The checkout failed twice.'],
    ]);
  });

  it('opens nothing for items received over 72 hours ago', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createCaseRule(ctx(), workspace.id);
    const now = new Date();
    const old = await seedItem(ctx(), workspace.id, {
      receivedAt: new Date(now.getTime() - 73 * 3_600_000),
    });
    expect(await routeFeedback(ctx().db, workspace.id, [old], now)).toMatchObject({
      evaluated: 0,
      opened: 0,
    });
  });

  it('dates the engage deadline in the team’s business hours', async () => {
    const workspace = await createTestWorkspace(ctx());
    const team = await createTeamWith(ctx(), workspace.id, { leadUserId: workspace.owner.id });
    await ctx()
      .db.update(staffTeams)
      .set({
        businessHours: {
          timezone: 'UTC',
          days: { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'] },
        },
        holidays: ['2026-11-30'],
      })
      .where(and(eq(staffTeams.workspaceId, workspace.id), eq(staffTeams.id, team)));
    await createCaseRule(ctx(), workspace.id, {
      assignment: { strategy: 'team', teamId: team },
      deadlines: { engage: { hours: 2, businessHours: true } },
    });
    // Friday 2026-11-27 16:00 UTC; received just now on that clock.
    const now = new Date('2026-11-27T16:00:00Z');
    const item = await seedItem(ctx(), workspace.id, {
      receivedAt: new Date(now.getTime() - 60_000),
    });
    await routeFeedback(ctx().db, workspace.id, [item], now);
    const [opened] = await casesOf(workspace.id);
    // Not worked: Friday (no hours), the weekend, Monday (holiday) → Tuesday 11:00.
    expect(new Date(opened!.dueAt!).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(opened!.teamId).toBe(team);
  });

  it('routes a bare NPS 2 with no words once analysis has run', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createCaseRule(ctx(), workspace.id, {
      assignment: { strategy: 'user', userId: workspace.owner.id },
    });
    const id = await createTestFeedback(ctx(), workspace.id, '', { analyse: false });
    await ctx().db.execute(
      sql`UPDATE feedback SET channel = 'survey', score_type = 'nps', score = 2
          WHERE workspace_id = ${workspace.id} AND id = ${id}`,
    );
    const outcome = await analyseFeedback(ctx().db, workspace.id, [id], ctx().log);
    expect(outcome.failures).toEqual([]);
    const cases = await casesOf(workspace.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ title: 'NPS 2', scoreBefore: 2, items: 1 });
  });
});

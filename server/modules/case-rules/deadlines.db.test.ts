import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { insertCases, moveStage } from '../cases/cases.repository.ts';
import { createTeamWith } from './case-rules.fixture.ts';
import { checkDeadlines } from './deadlines.service.ts';
import { dueAtFor, dueAtWith } from '../cases/deadlines.ts';
import { staffTeams, workspaces } from '../../db/schema/index.ts';
import { and, eq } from 'drizzle-orm';

const HOUR = 3_600_000;

describeEachEngine('case deadlines', ({ ctx }) => {
  /** A case whose engage stage started at `start` and is due 8 hours later. */
  async function openCase(
    workspaceId: string,
    values: { ownerId: string | null; teamId: string | null },
    start: Date,
  ) {
    const [opened] = await insertCases(ctx().db, workspaceId, [
      {
        kind: 'case',
        title: 'Checkout failed',
        contactId: null,
        accountId: null,
        ownerId: values.ownerId,
        teamId: values.teamId,
        ruleId: null,
        dueAt: new Date(start.getTime() + 8 * HOUR),
        deadlines: { engage: { hours: 8, businessHours: false } },
        scoreType: null,
        scoreBefore: null,
        feedbackIds: [],
        actorId: null,
      },
    ]);
    await ctx().db.execute(
      sql`UPDATE cases SET stage_started_at = ${start.toISOString()}::timestamptz
          WHERE workspace_id = ${workspaceId} AND id = ${opened!.id}`,
    );
    return opened!.id;
  }

  const mail = (workspaceId: string) =>
    queryRows<{ to: string; purpose: string; caseId: string; subject: string; state: string }>(
      ctx().db,
      sql`SELECT "to", purpose, case_id AS "caseId", subject, state FROM outbox_messages
          WHERE workspace_id = ${workspaceId} ORDER BY created_at, id`,
    );
  const events = (workspaceId: string, type: string) =>
    queryRows<{ caseId: string; data: Record<string, unknown> }>(
      ctx().db,
      sql`SELECT case_id AS "caseId", data FROM case_events
          WHERE workspace_id = ${workspaceId} AND type = ${type} ORDER BY id`,
    );

  it('reminds the owner once when a quarter of the stage is left, across concurrent runs', async () => {
    const workspace = await createTestWorkspace(ctx());
    const start = new Date('2030-01-07T08:00:00Z');
    const caseId = await openCase(
      workspace.id,
      { ownerId: workspace.owner.id, teamId: null },
      start,
    );
    // 5 of 8 hours gone: 37.5 % left.
    expect(await checkDeadlines(ctx(), workspace.id, new Date(start.getTime() + 5 * HOUR))).toEqual(
      {
        reminded: 0,
        escalated: 0,
      },
    );
    const at = new Date(start.getTime() + 6 * HOUR + 1000);
    const runs = await Promise.all([
      checkDeadlines(ctx(), workspace.id, at),
      checkDeadlines(ctx(), workspace.id, at),
      checkDeadlines(ctx(), workspace.id, at),
    ]);
    // (An all-workspaces run here would touch other tests' cases in the shared database.)
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(1);
    expect(await checkDeadlines(ctx(), workspace.id, new Date(at.getTime() + HOUR))).toEqual({
      reminded: 0,
      escalated: 0,
    });
    const sent = await mail(workspace.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: workspace.owner.email,
      purpose: 'internal',
      caseId,
      state: 'local',
    });
    expect(sent[0]!.subject).toMatch(/^Reminder: case \d+ \(Engage\)/);
    const reminded = await events(workspace.id, 'reminder_sent');
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.data).toMatchObject({ stage: 'engage', dueAt: '2030-01-07T16:00:00.000Z' });
  });

  it('honours a configured share', async () => {
    const workspace = await createTestWorkspace(ctx());
    const start = new Date('2030-01-07T08:00:00Z');
    await openCase(workspace.id, { ownerId: workspace.owner.id, teamId: null }, start);
    const at = new Date(start.getTime() + 4 * HOUR + 1000);
    expect((await checkDeadlines(ctx(), workspace.id, at)).reminded).toBe(0);
    expect((await checkDeadlines(ctx(), workspace.id, at, 0.5)).reminded).toBe(1);
  });

  it('escalates an overdue stage once to the team lead user', async () => {
    const workspace = await createTestWorkspace(ctx());
    const lead = await workspace.member('admin');
    const team = await createTeamWith(ctx(), workspace.id, { leadUserId: lead.id });
    const start = new Date('2030-01-07T08:00:00Z');
    const caseId = await openCase(
      workspace.id,
      { ownerId: workspace.owner.id, teamId: team },
      start,
    );
    const late = new Date(start.getTime() + 9 * HOUR);
    const runs = await Promise.all([
      checkDeadlines(ctx(), workspace.id, late),
      checkDeadlines(ctx(), workspace.id, late),
    ]);
    // Overdue before any reminder: escalated, and no reminder for a stage already over.
    expect(runs.reduce((sum, run) => sum + run.escalated, 0)).toBe(1);
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(0);
    expect(await checkDeadlines(ctx(), workspace.id, new Date(late.getTime() + HOUR))).toEqual({
      reminded: 0,
      escalated: 0,
    });
    const sent = await mail(workspace.id);
    expect(sent.map((m) => m.to)).toEqual([lead.email]);
    expect(sent[0]!.subject).toMatch(/^Overdue: case/);
    const escalated = await events(workspace.id, 'escalated');
    expect(escalated).toEqual([
      {
        caseId,
        data: {
          stage: 'engage',
          dueAt: '2030-01-07T16:00:00.000Z',
          leadUserId: lead.id,
          to: 'team_lead',
        },
      },
    ]);
  });

  it('escalates to the team’s lead address, else to the owners and admins', async () => {
    const workspace = await createTestWorkspace(ctx());
    const admin = await workspace.member('admin');
    await workspace.member('agent');
    const team = await createTeamWith(ctx(), workspace.id, { leadEmail: 'lead@example.test' });
    const start = new Date('2030-01-07T08:00:00Z');
    await openCase(workspace.id, { ownerId: null, teamId: team }, start);
    await openCase(workspace.id, { ownerId: null, teamId: null }, start);
    const run = await checkDeadlines(ctx(), workspace.id, new Date(start.getTime() + 8 * HOUR));
    expect(run).toEqual({ reminded: 0, escalated: 2 });
    expect(new Set((await mail(workspace.id)).map((m) => m.to))).toEqual(
      new Set(['lead@example.test', workspace.owner.email, admin.email]),
    );
  });

  it('reminds and escalates again for the next stage’s deadline', async () => {
    const workspace = await createTestWorkspace(ctx());
    const start = new Date('2030-01-07T08:00:00Z');
    const caseId = await openCase(
      workspace.id,
      { ownerId: workspace.owner.id, teamId: null },
      start,
    );
    await checkDeadlines(ctx(), workspace.id, new Date(start.getTime() + 7 * HOUR));
    const moved = new Date(start.getTime() + 7.5 * HOUR);
    expect(
      await moveStage(ctx().db, workspace.id, caseId, {
        from: 'engage',
        to: 'process',
        dueAt: new Date(moved.getTime() + 4 * HOUR),
        at: moved,
      }),
    ).toBe(true);
    expect(
      await checkDeadlines(ctx(), workspace.id, new Date(moved.getTime() + 3.5 * HOUR)),
    ).toEqual({
      reminded: 1,
      escalated: 0,
    });
    expect(await checkDeadlines(ctx(), workspace.id, new Date(moved.getTime() + 5 * HOUR))).toEqual(
      {
        reminded: 0,
        escalated: 1,
      },
    );
    expect((await events(workspace.id, 'reminder_sent')).map((e) => e.data.stage)).toEqual([
      'engage',
      'process',
    ]);
  });

  it('dates a stage in the team’s calendar, else in the workspace’s zone on weekdays', async () => {
    const workspace = await createTestWorkspace(ctx());
    await ctx()
      .db.update(workspaces)
      .set({ timezone: 'America/New_York' })
      .where(eq(workspaces.id, workspace.id));
    const team = await createTeamWith(ctx(), workspace.id);
    await ctx()
      .db.update(staffTeams)
      .set({ businessHours: { timezone: 'Asia/Tokyo', days: { sat: ['10:00', '12:00'] } } })
      .where(and(eq(staffTeams.workspaceId, workspace.id), eq(staffTeams.id, team)));
    const deadlines = {
      engage: { hours: 3, businessHours: true },
      process: { hours: 3, businessHours: false },
    };
    // Wednesday 2030-01-09 12:00 UTC.
    const from = new Date('2030-01-09T12:00:00Z');
    // Tokyo Saturdays 10–12 (01:00–03:00 UTC): 2 h on the 12th, 1 h on the 19th.
    expect(
      (
        await dueAtFor(ctx().db, workspace.id, { deadlines, teamId: team }, 'engage', from)
      )?.toISOString(),
    ).toBe('2030-01-19T02:00:00.000Z');
    // New York 07:00 on a Wednesday: 09:00–12:00 EST = 14:00–17:00 UTC.
    expect(
      (
        await dueAtFor(ctx().db, workspace.id, { deadlines, teamId: null }, 'engage', from)
      )?.toISOString(),
    ).toBe('2030-01-09T17:00:00.000Z');
    expect(
      (
        await dueAtFor(ctx().db, workspace.id, { deadlines, teamId: team }, 'process', from)
      )?.toISOString(),
    ).toBe('2030-01-09T15:00:00.000Z');
    expect(
      await dueAtFor(ctx().db, workspace.id, { deadlines, teamId: team }, 'follow_up', from),
    ).toBeNull();
    // A calendar that never works counts every hour rather than never ending.
    expect(
      dueAtWith(deadlines, 'engage', from, {
        timezone: 'UTC',
        days: {},
        holidays: [],
      })?.toISOString(),
    ).toBe('2030-01-09T15:00:00.000Z');
  });
});

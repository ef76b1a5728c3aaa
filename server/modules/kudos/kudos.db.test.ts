import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { staffTeams } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createTestFeedback } from '../feedback-analysis/analysis.fixture.ts';
import { analyseFeedback } from '../feedback-analysis/analysis.service.ts';
import { listOutbox } from '../outbox/outbox.service.ts';
import { createPerson } from '../staff-directory/staff-directory.service.ts';
import { insertCases } from '../cases/cases.repository.ts';
import { kudosJobs } from './kudos.jobs.ts';
import * as kudos from './kudos.service.ts';

describeEachEngine(
  'kudos',
  ({ ctx }) => {
    /** A workspace with a team (lead e-mail) and Samantha Reed in it. */
    async function setup(context: AppContext = ctx()) {
      const workspace = await createTestWorkspace(context);
      const [team] = await context.db
        .insert(staffTeams)
        .values({
          workspaceId: workspace.id,
          name: 'Billing',
          aliases: [],
          leadEmail: 'Lead@Example.test',
        })
        .returning({ id: staffTeams.id });
      const person = await createPerson(
        context,
        workspace.id,
        {
          name: 'Samantha Reed',
          nicknames: ['Sam'],
          teamId: team!.id,
          email: 'sam@example.test',
          userId: null,
        },
        SYSTEM_ACTOR,
      );
      return { workspace, teamId: team!.id, personId: person.id };
    }

    const kudosRows = (workspaceId: string) =>
      queryRows<{
        id: string;
        feedbackId: string;
        personId: string | null;
        teamId: string | null;
        source: string;
        quote: string;
        notifiedAt: string | null;
      }>(
        ctx().db,
        sql`SELECT id, feedback_id AS "feedbackId", person_id AS "personId", team_id AS "teamId",
              source, quote, notified_at AS "notifiedAt"
            FROM kudos WHERE workspace_id = ${workspaceId} ORDER BY created_at, id`,
      );
    const notifyJobs = (workspaceId: string) =>
      queryRows<{ payload: { kudosIds: string[] } }>(
        ctx().db,
        sql`SELECT payload FROM jobs WHERE workspace_id = ${workspaceId} AND name = ${kudos.NOTIFY_JOB}`,
      );

    it('credits praise of a person from the analysis, once, and queues one notification', async () => {
      const { workspace, personId, teamId } = await setup();
      const feedbackId = await createTestFeedback(
        ctx(),
        workspace.id,
        'I waited a week for my refund. Sam was wonderful and so helpful, thank you!',
      );
      const rows = await kudosRows(workspace.id);
      expect(rows).toEqual([
        expect.objectContaining({
          feedbackId,
          personId,
          teamId,
          source: 'analysis',
          quote: 'Sam was wonderful and so helpful, thank you!',
          notifiedAt: null,
        }),
      ]);
      // Analysing the item again credits nothing new and queues nothing new.
      await analyseFeedback(ctx().db, workspace.id, [feedbackId], ctx().log);
      expect(await kudosRows(workspace.id)).toHaveLength(1);
      const jobs = await notifyJobs(workspace.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.payload.kudosIds).toEqual([rows[0]!.id]);
    });

    it('does not credit a person mentioned in a complaint', async () => {
      const { workspace } = await setup();
      await createTestFeedback(
        ctx(),
        workspace.id,
        'Sam was rude and unhelpful. The whole experience was terrible and I am angry.',
      );
      expect(await kudosRows(workspace.id)).toEqual([]);
      expect(await notifyJobs(workspace.id)).toEqual([]);
    });

    it('credits old items (imports) without notifying anyone', async () => {
      const { workspace } = await setup();
      await createTestFeedback(ctx(), workspace.id, 'Sam was fantastic, really helpful.', {
        receivedAt: new Date(Date.now() - 5 * 86_400_000),
      });
      expect(await kudosRows(workspace.id)).toHaveLength(1);
      expect(await notifyJobs(workspace.id)).toEqual([]);
    });

    it('removes analysis credit when staff correct the item to negative', async () => {
      const { workspace, personId } = await setup();
      const feedbackId = await createTestFeedback(ctx(), workspace.id, 'Sam was brilliant.');
      expect(await kudosRows(workspace.id)).toHaveLength(1);
      await kudos.creditPraise(
        ctx().db,
        workspace.id,
        [
          {
            feedbackId,
            text: 'Sam was brilliant.',
            receivedAt: new Date(),
            sentimentLabel: 'negative',
            analysis: {
              sentiment: null,
              mentions: [
                {
                  kind: 'person',
                  entityId: personId,
                  name: 'Samantha Reed',
                  text: 'Sam',
                  start: 0,
                  end: 3,
                  sentiment: { score: 0.6, label: 'positive' },
                },
              ],
            },
          },
        ],
        new Date(),
      );
      expect(await kudosRows(workspace.id)).toEqual([]);
    });

    it('notifies the person and the team lead once, through the outbox', async () => {
      const { workspace } = await setup();
      await createTestFeedback(ctx(), workspace.id, 'Sam was wonderful and so helpful.');
      const [job] = await notifyJobs(workspace.id);
      const now = new Date('2026-11-20T10:00:00Z');
      const first = await kudos.notifyKudos(ctx(), workspace.id, job!.payload.kudosIds, now);
      expect(first).toEqual({ notified: 1, messages: 2 });
      const again = await kudos.notifyKudos(ctx(), workspace.id, job!.payload.kudosIds, now);
      expect(again).toEqual({ notified: 0, messages: 0 });
      const mail = await listOutbox(ctx(), workspace.id, 10);
      expect(mail.map((m) => m.to).sort()).toEqual(['lead@example.test', 'sam@example.test']);
      expect(mail.every((m) => m.purpose === 'internal')).toBe(true);
      expect(mail[0]!.subject).toBe('A customer praised Samantha Reed');
      expect(mail[0]!.text).toContain('“Sam was wonderful and so helpful.”');
      expect(mail[0]!.text).toContain(
        `https://hearken.example.test/w/${workspace.id}/kudos?kudos=`,
      );
      const [row] = await kudosRows(workspace.id);
      expect(new Date(row!.notifiedAt!).toISOString()).toBe(now.toISOString());
    });

    it('runs the notify job twice and sends each message once', async () => {
      const { workspace } = await setup();
      await createTestFeedback(ctx(), workspace.id, 'Sam was brilliant, thank you Sam!');
      const [job] = await notifyJobs(workspace.id);
      const { notifyJob } = kudosJobs(() => ctx().config);
      const context = {
        db: ctx().db,
        jobId: 1,
        attempt: 1,
        workspaceId: workspace.id,
        log: ctx().log,
        signal: new AbortController().signal,
      };
      await notifyJob.handler(job!.payload, context);
      await notifyJob.handler(job!.payload, { ...context, attempt: 2 });
      const mail = await listOutbox(ctx(), workspace.id, 10);
      expect(mail.map((m) => m.to).sort()).toEqual(['lead@example.test', 'sam@example.test']);
      expect((await kudosRows(workspace.id))[0]!.notifiedAt).not.toBeNull();
    });

    it('tags praise by hand for a team, idempotently, and queues its notification', async () => {
      const { workspace, teamId } = await setup();
      const feedbackId = await createTestFeedback(
        ctx(),
        workspace.id,
        'The billing folks sorted everything out.',
        { analyse: false },
      );
      const first = await kudos.tagKudos(ctx(), workspace.id, feedbackId, { teamId }, null);
      expect(first.created).toBe(true);
      expect(first.kudos).toMatchObject({
        teamId,
        teamName: 'Billing',
        personId: null,
        source: 'manual',
        quote: 'The billing folks sorted everything out.',
      });
      const second = await kudos.tagKudos(
        ctx(),
        workspace.id,
        feedbackId,
        { teamId, quote: 'sorted everything out' },
        null,
      );
      expect(second).toMatchObject({ created: false, kudos: { id: first.kudos.id } });
      expect(await notifyJobs(workspace.id)).toHaveLength(1);
      await kudos.removeKudos(ctx(), workspace.id, feedbackId, first.kudos.id);
      expect(await kudosRows(workspace.id)).toEqual([]);
      await expect(
        kudos.removeKudos(ctx(), workspace.id, feedbackId, first.kudos.id),
      ).rejects.toMatchObject({ status: 404 });
    });

    it('builds the wall and the employee report with loops closed as owner', async () => {
      const context = ctx();
      const { workspace, personId } = await setup();
      const agent = await workspace.member('agent');
      await context.db.execute(
        sql`UPDATE staff_people SET user_id = ${agent.id} WHERE workspace_id = ${workspace.id} AND id = ${personId}`,
      );
      const now = new Date();
      await createTestFeedback(context, workspace.id, 'Sam was wonderful.');
      await createTestFeedback(context, workspace.id, 'Sam was fantastic again.', {
        receivedAt: new Date(now.getTime() - 40 * 86_400_000),
      });
      const opened = await insertCases(context.db, workspace.id, [
        {
          kind: 'case',
          title: 'A loop',
          contactId: null,
          accountId: null,
          ownerId: agent.id,
          teamId: null,
          ruleId: null,
          dueAt: null,
          deadlines: {},
          scoreType: null,
          scoreBefore: null,
          feedbackIds: [],
          actorId: null,
        },
      ]);
      await context.db.execute(
        sql`UPDATE cases SET stage = 'closed', outcome = 'won_back', closed_at = now()
            WHERE workspace_id = ${workspace.id} AND id = ${opened[0]!.id}`,
      );
      const wall = await kudos.kudosWall(context, workspace.id, 'viewer', now);
      expect(wall.people).toEqual([
        expect.objectContaining({ id: personId, teamName: 'Billing', last30: 1, last90: 2 }),
      ]);
      expect(wall.people[0]!.latest.map((q) => q.quote)).toEqual([
        'Sam was wonderful.',
        'Sam was fantastic again.',
      ]);
      expect(wall.teams).toEqual([expect.objectContaining({ name: 'Billing', last90: 2 })]);
      const report = await kudos.employeeReport(context, workspace.id, {
        from: new Date(now.getTime() - 30 * 86_400_000),
        to: new Date(now.getTime() + 60_000),
      });
      expect(report.people).toEqual([
        {
          personId,
          name: 'Samantha Reed',
          teamName: 'Billing',
          praise: 1,
          casesOwned: 1,
          loopsClosed: 1,
          wonBack: 1,
        },
      ]);
    });
  },
  { PUBLIC_URL: 'https://hearken.example.test' },
);

import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { feedback, staffPeople, staffTeams } from '../../db/schema/index.ts';
import { insertCases } from '../cases/cases.repository.ts';

/** A case opened on one feedback item with these words, straight through the case kernel. */
export async function createTestCase(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  text = 'My refund never arrived. Write to me at pat@example.org.',
) {
  const [item] = await ctx.db
    .insert(feedback)
    .values({ workspaceId, channel: 'email', text, scoreType: 'nps', score: 2 })
    .returning({ id: feedback.id });
  const [opened] = await insertCases(ctx.db, workspaceId, [
    {
      kind: 'case',
      title: 'Refund never arrived',
      contactId: null,
      accountId: null,
      ownerId: null,
      teamId: null,
      ruleId: null,
      dueAt: null,
      deadlines: {},
      scoreType: 'nps',
      scoreBefore: 2,
      feedbackIds: [item!.id],
      actorId: null,
    },
  ]);
  return { caseId: opened!.id, number: opened!.number, feedbackId: item!.id };
}

/** A team with a lead e-mail and two members (one without an address). */
export async function createTestTeamWithMembers(ctx: Pick<AppContext, 'db'>, workspaceId: string) {
  const [team] = await ctx.db
    .insert(staffTeams)
    .values({
      workspaceId,
      name: `Payments ${randomUUID().slice(0, 4)}`,
      leadEmail: 'Lead@Payments.test',
    })
    .returning({ id: staffTeams.id, name: staffTeams.name });
  await ctx.db.insert(staffPeople).values([
    { workspaceId, name: 'Ana Ortiz', teamId: team!.id, email: 'ana@payments.test' },
    { workspaceId, name: 'Ben Okafor', teamId: team!.id, email: null },
  ]);
  return team!;
}

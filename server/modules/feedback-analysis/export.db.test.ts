import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { exportWorkspace, importWorkspace } from '../export/export.service.ts';
import {
  createPerson,
  createTeam,
  listPeople,
} from '../staff-directory/staff-directory.service.ts';
import { createTestFeedback } from './analysis.fixture.ts';
import { reanalyseJob } from './analysis.jobs.ts';
import { correctSentiment } from './corrections.service.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

async function* linesOf(lines: string[]) {
  yield* lines;
}

describeEachEngine('workspace export and import of the directory and corrections', ({ ctx }) => {
  it('carries teams, people, entities and sentiment corrections over, and analyses the import', async () => {
    const source = await createTestWorkspace(ctx(), 'Source');
    const team = await createTeam(
      ctx(),
      source.id,
      { name: 'Support', aliases: ['helpdesk'], leadEmail: null },
      SYSTEM_ACTOR,
    );
    await createPerson(
      ctx(),
      source.id,
      {
        name: 'Samantha Reed',
        nicknames: ['Sam'],
        teamId: team.id,
        email: 'sam@example.test',
        userId: source.owner.id,
      },
      SYSTEM_ACTOR,
    );
    const id = await createTestFeedback(
      ctx(),
      source.id,
      'Sam was brilliant but the wait was long.',
    );
    await correctSentiment(ctx(), source.id, id, 'mixed', SYSTEM_ACTOR, 'owner');

    const lines: string[] = [];
    const counts = await exportWorkspace(
      ctx(),
      source.id,
      (line) => void lines.push(line),
      SYSTEM_ACTOR,
    );
    expect(counts).toMatchObject({
      staff_team: 1,
      staff_person: 1,
      tracked_entity: 0,
      analysis_correction: 1,
    });
    const person = lines
      .map((line) => JSON.parse(line))
      .find((line) => line.type === 'staff_person');
    expect(person.data).not.toHaveProperty('userId');

    const target = await createTestWorkspace(ctx(), 'Target');
    const result = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR);
    expect(result.imported).toMatchObject({
      feedback: 1,
      staff_team: 1,
      staff_person: 1,
      analysis_correction: 1,
    });
    expect(result.errors).toEqual([]);
    expect(await listPeople(ctx(), target.id)).toEqual([
      expect.objectContaining({ name: 'Samantha Reed', teamId: team.id, userId: null }),
    ]);
    const again = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR);
    expect(Object.values(again.imported).every((count) => count === 0)).toBe(true);

    // The import queued a re-analysis; the imported correction decides the label.
    const [job] = await queryRows<{ id: number; payload: { runId: string } }>(
      ctx().db,
      sql`SELECT id::int AS id, payload FROM jobs WHERE workspace_id = ${target.id} AND name = 'analysis.reanalyse'`,
    );
    await reanalyseJob.handler(job!.payload, {
      db: ctx().db,
      jobId: job!.id,
      attempt: 1,
      workspaceId: target.id,
      log,
      signal: new AbortController().signal,
    });
    const [analysis] = await queryRows<{ label: string; corrected: boolean; mentions: number }>(
      ctx().db,
      sql`SELECT sentiment_label AS label, sentiment_corrected AS corrected,
            (SELECT count(*)::int FROM mentions WHERE workspace_id = ${target.id}) AS mentions
          FROM feedback_analysis WHERE workspace_id = ${target.id}`,
    );
    expect(analysis).toEqual({ label: 'mixed', corrected: true, mentions: 1 });
  });
});

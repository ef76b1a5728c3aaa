import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createEntity } from '../staff-directory/staff-directory.service.ts';
import { createTestFeedback } from './analysis.fixture.ts';
import { reanalyseJob } from './analysis.jobs.ts';
import { correctSentiment } from './corrections.service.ts';
import { cachedDirectoryVersion } from './directory-cache.ts';
import { continueRun, startReanalysis } from './reanalysis.service.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

describeEachEngine('re-analysis', ({ ctx }) => {
  const runner = () => ({ db: ctx().db, log });
  const label = async (workspaceId: string, feedbackId: string) => {
    const [row] = await queryRows<{ label: string; corrected: boolean; score: number }>(
      ctx().db,
      sql`SELECT sentiment_label AS label, sentiment_corrected AS corrected, sentiment_score AS score
          FROM feedback_analysis WHERE workspace_id = ${workspaceId} AND feedback_id = ${feedbackId}`,
    );
    return row;
  };
  const mentionCount = async (workspaceId: string) => {
    const [row] = await queryRows<{ count: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS count FROM mentions WHERE workspace_id = ${workspaceId}`,
    );
    return row!.count;
  };

  it('keeps a staff correction when the item is analysed again, and records what it replaced', async () => {
    const workspace = await createTestWorkspace(ctx());
    const agent = await workspace.member('agent');
    const id = await createTestFeedback(
      ctx(),
      workspace.id,
      'Terrible update, the app crashes all the time.',
    );
    const before = await label(workspace.id, id);
    expect(before).toMatchObject({ label: 'negative', corrected: false });

    await correctSentiment(
      ctx(),
      workspace.id,
      id,
      'mixed',
      { userId: agent.id, apiKeyId: null, ip: null },
      'agent',
    );
    await ctx().db.execute(
      sql`UPDATE feedback_analysis SET sentiment_score = 0 WHERE workspace_id = ${workspace.id}`,
    );
    const { run } = await startReanalysis(ctx(), workspace.id, 'all', SYSTEM_ACTOR, {
      queue: false,
    });
    expect(await continueRun(runner(), workspace.id, run.id)).toMatchObject({
      state: 'done',
      done: 1,
    });

    const after = await label(workspace.id, id);
    expect(after).toMatchObject({ label: 'mixed', corrected: true });
    expect(after!.score).toBeCloseTo(before!.score); // the model's score is refreshed
    const corrections = await queryRows<{
      previous: { label: string };
      corrected: { label: string };
      userId: string;
    }>(
      ctx().db,
      sql`SELECT previous, corrected, user_id AS "userId" FROM analysis_corrections WHERE workspace_id = ${workspace.id}`,
    );
    expect(corrections).toEqual([
      {
        previous: expect.objectContaining({ label: 'negative' }),
        corrected: { label: 'mixed' },
        userId: agent.id,
      },
    ]);
  });

  it('finds mentions of a directory entry added later once the workspace is re-analysed', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createTestFeedback(
      ctx(),
      workspace.id,
      'We moved to Globex last month because Globex is cheaper.',
    );
    const version = cachedDirectoryVersion(workspace.id);
    expect(await mentionCount(workspace.id)).toBe(0);

    await createEntity(
      ctx(),
      workspace.id,
      { kind: 'competitor', name: 'Globex', aliases: [] },
      SYSTEM_ACTOR,
    );
    const { run } = await startReanalysis(ctx(), workspace.id, 'all', SYSTEM_ACTOR, {
      queue: false,
    });
    await continueRun(runner(), workspace.id, run.id);
    expect(await mentionCount(workspace.id)).toBe(2);
    expect(cachedDirectoryVersion(workspace.id)).toBe(version! + 1);
  });

  it('re-analyses only outdated items with scope outdated', async () => {
    const workspace = await createTestWorkspace(ctx());
    const current = await createTestFeedback(ctx(), workspace.id, 'Fine product, fair price.');
    const old = await createTestFeedback(ctx(), workspace.id, 'Slow support this week.');
    const never = await createTestFeedback(ctx(), workspace.id, 'Never analysed yet.', {
      analyse: false,
    });
    await ctx().db.execute(
      sql`UPDATE feedback_analysis SET version = 0 WHERE workspace_id = ${workspace.id} AND feedback_id = ${old}`,
    );
    const stamp = async () =>
      new Map(
        (
          await queryRows<{ id: string; at: string }>(
            ctx().db,
            sql`SELECT feedback_id AS id, analysed_at::text AS at FROM feedback_analysis WHERE workspace_id = ${workspace.id}`,
          )
        ).map((row) => [row.id, row.at]),
      );
    const before = await stamp();
    const { run } = await startReanalysis(ctx(), workspace.id, 'outdated', SYSTEM_ACTOR, {
      queue: false,
    });
    expect(run.total).toBe(2);
    expect(await continueRun(runner(), workspace.id, run.id)).toMatchObject({
      state: 'done',
      done: 2,
      total: 2,
    });
    const after = await stamp();
    expect(after.get(current)).toBe(before.get(current));
    expect(after.get(old)).not.toBe(before.get(old));
    expect(after.has(never)).toBe(true);
  });

  it('resumes from its cursor, one run per workspace, and a job queues the next slice', async () => {
    const workspace = await createTestWorkspace(ctx());
    await ctx().db.execute(
      sql`INSERT INTO feedback (workspace_id, channel, text)
          SELECT ${workspace.id}::uuid, 'api', 'Item number ' || n || ' about the mobile app and its login screen'
          FROM generate_series(1, 250) AS n`,
    );
    const first = await startReanalysis(ctx(), workspace.id, 'outdated', SYSTEM_ACTOR, {
      queue: false,
    });
    const again = await startReanalysis(ctx(), workspace.id, 'all', SYSTEM_ACTOR, { queue: false });
    expect(again).toMatchObject({ started: false, run: { id: first.run.id, scope: 'outdated' } });

    // A slice that ends after one chunk: progress is saved, the run goes on.
    const paused = await continueRun(runner(), workspace.id, first.run.id, { sliceMs: 1 });
    expect(paused).toMatchObject({ state: 'running', done: 200, total: 250 });

    // The API's way: a job drives it (here it finishes), and joining queues a job for a run without one.
    const joined = await startReanalysis(ctx(), workspace.id, 'outdated', SYSTEM_ACTOR);
    expect(joined.started).toBe(false);
    const [job] = await queryRows<{ id: number; payload: { runId: string } }>(
      ctx().db,
      sql`SELECT id::int AS id, payload FROM jobs WHERE workspace_id = ${workspace.id} AND name = 'analysis.reanalyse'`,
    );
    expect(job!.payload.runId).toBe(first.run.id);
    await reanalyseJob.handler(job!.payload, {
      db: ctx().db,
      jobId: job!.id,
      attempt: 1,
      workspaceId: workspace.id,
      log,
      signal: new AbortController().signal,
    });
    const [done] = await queryRows<{ state: string; done: number }>(
      ctx().db,
      sql`SELECT state, done FROM analysis_runs WHERE workspace_id = ${workspace.id}`,
    );
    expect(done).toEqual({ state: 'done', done: 250 });
  });
});

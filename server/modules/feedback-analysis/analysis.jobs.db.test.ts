import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import { createEntity } from '../staff-directory/staff-directory.service.ts';
import { afterAnalysis, type AnalysedFeedback } from './after-analysis.ts';
import { analysisRunJob } from './analysis.jobs.ts';
import {
  analysisJobs,
  analysisOf,
  ingestTexts,
  runQueuedAnalysis,
} from './analysis.test-helper.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

describeEachEngine('analysis job', ({ ctx }) => {
  const run = (workspaceId: string, feedbackIds: string[], jobId = 0) =>
    analysisRunJob.handler(
      { feedbackIds },
      { db: ctx().db, jobId, attempt: 1, workspaceId, log, signal: new AbortController().signal },
    );

  afterEach(() => {
    afterAnalysis.length = 0;
  });

  it('analyses what normalisation stores: one job per stored chunk, then sentiment, mentions and bands', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createEntity(
      ctx(),
      workspace.id,
      { kind: 'product', name: 'Acme Cloud', aliases: ['the cloud'] },
      SYSTEM_ACTOR,
    );
    const ids = await ingestTexts(ctx(), workspace.id, [
      'I love Acme Cloud, it saves me hours every single week.',
      'The export keeps failing and support never answers my emails.',
      'ok',
    ]);
    const jobs = await analysisJobs(ctx(), workspace.id);
    expect(jobs).toHaveLength(1);
    expect(new Set(jobs[0]!.feedbackIds)).toEqual(new Set(ids));

    expect(await runQueuedAnalysis(ctx(), workspace.id)).toMatchObject({ errors: [] });
    const rows = await analysisOf(ctx(), workspace.id);
    expect(rows.map((row) => [row.sentimentLabel, row.mentions])).toEqual([
      ['positive', 1],
      ['negative', 0],
      [expect.any(String), 0],
    ]);
    // Short texts are not compared for near-duplicates, so they store no bands.
    expect(rows.map((row) => row.bands > 0)).toEqual([true, true, false]);
  });

  it('can run twice for the same items (a re-delivered job) and leaves the same rows', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createEntity(
      ctx(),
      workspace.id,
      { kind: 'brand', name: 'Acme', aliases: [] },
      SYSTEM_ACTOR,
    );
    const ids = await ingestTexts(ctx(), workspace.id, [
      'Acme shipped my order fast and Acme support was kind and quick to help.',
      'The new Acme dashboard is confusing and slow to load every morning.',
    ]);
    await run(workspace.id, ids);
    const first = await analysisOf(ctx(), workspace.id);
    await run(workspace.id, ids);
    await run(workspace.id, [...ids].reverse());
    expect(await analysisOf(ctx(), workspace.id)).toEqual(first);
    expect(first.map((row) => row.mentions)).toEqual([2, 1]);
  });

  it('analyses grouped feedback again when a later raw item revises it', async () => {
    const workspace = await createTestWorkspace(ctx());
    const step = (step: 'answer' | 'followup', text?: string) => ({
      dedupKey: `widget:${step}`,
      payload: {
        body: { responseId: 'resp-0123456789abcdef', step, score: 3, ...(text ? { text } : {}) },
        asked: { type: 'nps', text: 'How likely are you to recommend us?' },
        origin: null,
        client: { browser: 'Firefox', device: 'desktop' },
      },
    });
    await receiveRawItems(ctx().db, workspace.id, 'widget', [step('answer')]);
    await runQueuedNormalisation(ctx(), workspace.id);
    await runQueuedAnalysis(ctx(), workspace.id);
    expect((await analysisOf(ctx(), workspace.id))[0]).toMatchObject({ language: 'und' });

    await receiveRawItems(ctx().db, workspace.id, 'widget', [
      step('followup', 'Billing charged me twice and nobody has refunded me, this is awful.'),
    ]);
    await runQueuedNormalisation(ctx(), workspace.id);
    const jobs = await analysisJobs(ctx(), workspace.id);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.feedbackIds).toEqual(jobs[0]!.feedbackIds);
    await runQueuedAnalysis(ctx(), workspace.id);
    expect(await analysisOf(ctx(), workspace.id)).toEqual([
      expect.objectContaining({ language: 'en', sentimentLabel: 'negative' }),
    ]);
  });

  it('hands stored items to the after-analysis hooks, in the storing transaction', async () => {
    const workspace = await createTestWorkspace(ctx());
    const seen: AnalysedFeedback[] = [];
    afterAnalysis.push(async (items, { db, workspaceId }) => {
      seen.push(...items);
      // A write made by a hook commits with the analysis.
      await db.execute(
        sql`UPDATE feedback SET metadata = '{"hooked": true}'::jsonb WHERE workspace_id = ${workspaceId}`,
      );
    });
    const ids = await ingestTexts(ctx(), workspace.id, [
      'Wonderful service from the whole team, thank you!',
    ]);
    await runQueuedAnalysis(ctx(), workspace.id);
    expect(seen).toEqual([
      expect.objectContaining({
        feedbackId: ids[0],
        sentimentLabel: 'positive',
        sentimentCorrected: false,
      }),
    ]);
    expect(seen[0]!.analysis.language.code).toBe('en');
    const [row] = await queryRows<{ metadata: unknown }>(
      ctx().db,
      sql`SELECT metadata FROM feedback WHERE workspace_id = ${workspace.id}`,
    );
    expect(row!.metadata).toEqual({ hooked: true });
  });

  it('stores the items that work, keeps the failing one in the job, and fails with its id', async () => {
    const workspace = await createTestWorkspace(ctx());
    afterAnalysis.push(async (items) => {
      if (items.some((item) => item.text.includes('EXPLODE'))) throw new Error('hook refused');
    });
    const ids = await ingestTexts(ctx(), workspace.id, [
      'A calm and ordinary message about delivery times.',
      'This one makes the hook EXPLODE every time it is seen.',
      'Another ordinary message about the pricing page.',
    ]);
    const [job] = await analysisJobs(ctx(), workspace.id);
    await ctx().db.execute(sql`UPDATE jobs SET state = 'running' WHERE id = ${job!.id}`);
    await expect(run(workspace.id, job!.feedbackIds, job!.id)).rejects.toThrow(
      new RegExp(`1 of 3 items could not be analysed: feedback ${ids[1]}: hook refused`),
    );
    expect((await analysisOf(ctx(), workspace.id)).map((row) => row.feedbackId).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
    // A retry (or a retry of the dead job) redoes only the item that failed.
    expect((await analysisJobs(ctx(), workspace.id))[0]!.feedbackIds).toEqual([ids[1]]);
    afterAnalysis.length = 0;
    await run(workspace.id, [ids[1]!], job!.id);
    expect(await analysisOf(ctx(), workspace.id)).toHaveLength(3);
  });

  it('skips feedback that no longer exists', async () => {
    const workspace = await createTestWorkspace(ctx());
    await expect(
      run(workspace.id, ['00000000-0000-4000-8000-000000000000']),
    ).resolves.toBeUndefined();
  });
});

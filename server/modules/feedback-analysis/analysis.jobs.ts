import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { narrowJobPayload } from '../../jobs/queue.repository.ts';
import { ANALYSIS_BATCH, ANALYSIS_JOB, analyseFeedback } from './analysis.service.ts';
import {
  continueRun,
  queueNextSlice,
  REANALYSE_JOB,
  REANALYSIS_SLICE_MS,
} from './reanalysis.service.ts';

const MAX_ATTEMPTS = 5;

/**
 * Analyses a batch of feedback (queued by normalisation, by a revision of grouped feedback, or
 * by a re-analysis for items that failed there). Idempotent: it rewrites the same rows from the
 * current text. Items that fail are kept in the job (its payload narrows to them) and the job
 * fails with their ids and reasons, so retries redo only them and, after the last attempt, the
 * dead job in the dead-letter view names exactly what was not analysed.
 */
export const analysisRunJob = defineJob({
  name: ANALYSIS_JOB,
  payload: z.object({
    feedbackIds: z
      .array(z.uuid())
      .min(1)
      .max(ANALYSIS_BATCH * 5),
  }),
  coalesce: { field: 'feedbackIds', max: ANALYSIS_BATCH * 5 },
  maxAttempts: MAX_ATTEMPTS,
  async handler({ feedbackIds }, { db, workspaceId, jobId, log }) {
    if (!workspaceId) throw new Error('analysis needs a workspace');
    const outcome = await analyseFeedback(db, workspaceId, feedbackIds, log);
    if (outcome.failures.length === 0) return;
    await narrowJobPayload(db, jobId, workspaceId, {
      feedbackIds: outcome.failures.map((failure) => failure.id),
    });
    const listed = outcome.failures
      .slice(0, 5)
      .map((failure) => `feedback ${failure.id}: ${failure.error}`)
      .join('; ');
    throw new Error(
      `${outcome.failures.length} of ${feedbackIds.length} items could not be analysed: ${listed}`,
    );
  },
});

/**
 * Drives a re-analysis run for a slice of time, then queues the next slice, so no single job runs
 * for hours and each slice has its own attempts. Resumes from the run's cursor, so a retry or a
 * crash repeats at most one chunk.
 */
export const reanalyseJob = defineJob({
  name: REANALYSE_JOB,
  payload: z.object({ runId: z.uuid() }),
  maxAttempts: MAX_ATTEMPTS,
  async handler({ runId }, { db, workspaceId, log, signal }) {
    if (!workspaceId) throw new Error('re-analysis needs a workspace');
    const run = await continueRun({ db, log }, workspaceId, runId, {
      sliceMs: REANALYSIS_SLICE_MS,
      signal,
    });
    // Also when stopped by a shutdown: two jobs driving one run only repeat a chunk, a run with
    // no job would stall.
    if (run.state === 'running') await queueNextSlice(db, workspaceId, runId);
  },
});

import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import { analyseText } from '../analysis/analyse.ts';
import { signatureFromBytes, signatureToBytes } from '../analysis/similarity/index.ts';
import type { TextAnalysis } from '../analysis/types.ts';
import { afterAnalysis, type AnalysedFeedback } from './after-analysis.ts';
import * as repo from './analysis.repository.ts';
import { compiledDirectory } from './directory-cache.ts';
import { markDuplicates } from './duplicates.service.ts';
import { signatureOf } from './similarity.service.ts';

export const ANALYSIS_JOB = 'analysis.run';
/** Items per job and per transaction: one statement per table whatever the size. */
export const ANALYSIS_BATCH = 200;
/** Items analysed between two turns of the event loop (a few milliseconds each). */
const YIELD_EVERY = 20;

/**
 * Queues analysis of feedback items, one job per batch. Pass the transaction that stored (or
 * revised) the feedback, so the jobs exist exactly when the feedback does.
 */
export async function queueAnalysis(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(feedbackIds)];
  const jobs = [];
  for (let start = 0; start < unique.length; start += ANALYSIS_BATCH)
    jobs.push({
      name: ANALYSIS_JOB,
      workspaceId,
      payload: { feedbackIds: unique.slice(start, start + ANALYSIS_BATCH) },
    });
  await insertJobs(db, jobs);
}

interface Prepared {
  feedback: repo.FeedbackText;
  analysis: TextAnalysis;
  signature: Uint32Array | null;
}

export interface AnalysisFailure {
  id: string;
  error: string;
}

export interface AnalysisOutcome {
  analysed: number;
  /** Ids no longer in the workspace (deleted since they were queued); nothing to do. */
  missing: number;
  failures: AnalysisFailure[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function analysisRow(item: Prepared, duplicateOf: string | null): repo.AnalysisRow {
  const { analysis } = item;
  return {
    id: item.feedback.id,
    version: analysis.version,
    language: analysis.language.code,
    languageConfidence: analysis.language.confidence,
    notAnalysed: analysis.notAnalysed,
    truncated: analysis.truncated,
    sentimentScore: analysis.sentiment?.score ?? null,
    sentimentLabel: analysis.sentiment?.label ?? null,
    sentences: analysis.sentiment?.sentences ?? [],
    aspects: analysis.sentiment?.aspects ?? [],
    keyPhrases: analysis.keyPhrases,
    personalData: analysis.personalData,
    duplicateOf,
    minhash: item.signature
      ? Buffer.from(signatureToBytes(item.signature)).toString('base64')
      : null,
  };
}

function mentionRows(item: Prepared): repo.MentionRow[] {
  return item.analysis.mentions.map((mention) => ({
    feedbackId: item.feedback.id,
    kind: mention.kind,
    entityId: mention.entityId,
    start: mention.start,
    end: mention.end,
    text: mention.text,
    sentimentScore: mention.sentiment.score,
    sentimentLabel: mention.sentiment.label,
  }));
}

/** The signature the item's last analysis stored (see SignedItem.previous). */
function previousSignature(feedback: repo.FeedbackText): Uint32Array | null | undefined {
  if (!feedback.analysedBefore) return undefined;
  return feedback.previousMinhash ? signatureFromBytes(feedback.previousMinhash) : null;
}

/** Stores a batch's results and runs the after-analysis hooks, in the caller's transaction. */
async function storeBatch(db: Db, workspaceId: string, items: Prepared[], log: Logger) {
  const ids = items.map((item) => item.feedback.id);
  const duplicates = await markDuplicates(
    db,
    workspaceId,
    items.map((item) => ({
      id: item.feedback.id,
      receivedAt: new Date(item.feedback.receivedAt),
      signature: item.signature,
      previous: previousSignature(item.feedback),
    })),
  );
  const stored = await repo.upsertAnalyses(
    db,
    workspaceId,
    items.map((item) => analysisRow(item, duplicates.get(item.feedback.id) ?? null)),
  );
  await repo.replaceMentions(db, workspaceId, ids, items.flatMap(mentionRows));
  if (afterAnalysis.length === 0) return;
  const labels = new Map(stored.map((row) => [row.id, row]));
  const analysed: AnalysedFeedback[] = items.flatMap((item) => {
    const row = labels.get(item.feedback.id);
    if (!row) return [];
    return [
      {
        feedbackId: item.feedback.id,
        text: item.feedback.text,
        receivedAt: new Date(item.feedback.receivedAt),
        contactId: item.feedback.contactId,
        analysis: item.analysis,
        sentimentLabel: row.sentimentLabel,
        sentimentCorrected: row.corrected,
        duplicateOf: duplicates.get(item.feedback.id) ?? null,
      },
    ];
  });
  for (const hook of afterAnalysis) await hook(analysed, { db, workspaceId, log });
}

/** The batch in one transaction; if that fails, each item alone, so one bad item spares the rest. */
async function storeWithIsolation(
  db: Db,
  workspaceId: string,
  items: Prepared[],
  log: Logger,
): Promise<AnalysisFailure[]> {
  if (items.length === 0) return [];
  try {
    await db.transaction((tx) => storeBatch(tx as unknown as Db, workspaceId, items, log));
    return [];
  } catch (error) {
    if (items.length === 1) return [{ id: items[0]!.feedback.id, error: messageOf(error) }];
  }
  const failures: AnalysisFailure[] = [];
  for (const item of items) {
    try {
      await db.transaction((tx) => storeBatch(tx as unknown as Db, workspaceId, [item], log));
    } catch (error) {
      failures.push({ id: item.feedback.id, error: messageOf(error) });
    }
  }
  return failures;
}

/**
 * Analyses feedback items and stores what was learnt: the analysis row (a staff-corrected label
 * stays), mentions, similarity bands and duplicate link, then the after-analysis hooks. Safe to
 * run again for the same items: each run rewrites the same rows from the current text.
 */
export async function analyseFeedback(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
  log: Logger,
): Promise<AnalysisOutcome> {
  const texts = await repo.loadFeedbackTexts(db, workspaceId, feedbackIds);
  const directory = await compiledDirectory(db, workspaceId);
  const failures: AnalysisFailure[] = [];
  const prepared: Prepared[] = [];
  for (const [index, feedback] of texts.entries()) {
    // Analysis is CPU work: let HTTP requests and lease renewals in between every few items.
    if (index > 0 && index % YIELD_EVERY === 0)
      await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      prepared.push({
        feedback,
        analysis: analyseText(feedback.text, { mentions: directory }),
        signature: signatureOf(feedback.text),
      });
    } catch (error) {
      failures.push({ id: feedback.id, error: `analysis failed: ${messageOf(error)}` });
    }
  }
  for (let start = 0; start < prepared.length; start += ANALYSIS_BATCH) {
    const batch = prepared.slice(start, start + ANALYSIS_BATCH);
    failures.push(...(await storeWithIsolation(db, workspaceId, batch, log)));
    // Lets API requests in (PGlite has one connection for the whole process).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    analysed: texts.length - failures.length,
    missing: new Set(feedbackIds).size - texts.length,
    failures,
  };
}

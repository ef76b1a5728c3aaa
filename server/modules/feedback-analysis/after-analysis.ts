import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { SentimentLabel, TextAnalysis } from '../analysis/types.ts';

/** One feedback item as just analysed and stored. */
export interface AnalysedFeedback {
  feedbackId: string;
  text: string;
  receivedAt: Date;
  contactId: string | null;
  analysis: TextAnalysis;
  /** The label now stored: staff's correction when there is one, else the analysis's. */
  sentimentLabel: SentimentLabel | null;
  sentimentCorrected: boolean;
  duplicateOf: string | null;
}

export interface AfterAnalysisContext {
  /** The transaction that stored the batch: write here to commit (or roll back) with it. */
  db: Db;
  workspaceId: string;
  log: Logger;
}

/**
 * Work that follows analysis (theme assignment, alert evaluation), run for every stored batch in
 * the same transaction. A hook must be idempotent: a batch can be analysed again (a retry, a
 * re-analysis, a revised survey answer). If a hook throws, the batch rolls back and is retried.
 */
export type AfterAnalysisHook = (
  items: readonly AnalysedFeedback[],
  context: AfterAnalysisContext,
) => Promise<void>;

/** The hooks, in order. Modules add theirs where the server is wired (see docs/analysis.md). */
export const afterAnalysis: AfterAnalysisHook[] = [];

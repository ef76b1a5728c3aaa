import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { SentimentLabel, TextAnalysis } from '../analysis/types.ts';
import { evaluateAlerts } from '../alerts/alerts.service.ts';
import { routeFeedback } from '../case-rules/routing.service.ts';
import { assignThemesOrRequestClustering } from '../themes/themes.jobs.ts';
import { creditPraise } from '../kudos/kudos.service.ts';

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

// The batch's key phrases and aspects are in memory: theming need not read them back.
const assignThemes: AfterAnalysisHook = async (items, { db, workspaceId }) => {
  await assignThemesOrRequestClustering(
    db,
    workspaceId,
    items.map((item) => item.feedbackId),
    items.map((item) => ({
      feedbackId: item.feedbackId,
      keyPhrases: item.analysis.keyPhrases,
      aspects: item.analysis.sentiment?.aspects ?? [],
    })),
  );
};

// Alert rules skip items received long ago (imports, re-analysis): see alerts.service.ts.
const raiseAlerts: AfterAnalysisHook = async (items, { db, workspaceId }) => {
  await evaluateAlerts(
    db,
    workspaceId,
    items.map((item) => item.feedbackId),
  );
};

// Praise for staff becomes kudos; people are told by a job, after this transaction commits.
const creditKudos: AfterAnalysisHook = async (items, { db, workspaceId }) => {
  await creditPraise(db, workspaceId, items, new Date());
};

// Case rules route last, so theme conditions see the item's themes; items received over 72 h
// ago open no case (see routing.service.ts).
const routeIntoCases: AfterAnalysisHook = async (items, { db, workspaceId }) => {
  await routeFeedback(
    db,
    workspaceId,
    items.map((item) => item.feedbackId),
    new Date(),
  );
};

/**
 * The hooks, in order: themes first, so alert rules and case rules on a theme see the item's
 * themes; routing into cases last.
 */
export const afterAnalysis: AfterAnalysisHook[] = [
  assignThemes,
  raiseAlerts,
  creditKudos,
  routeIntoCases,
];

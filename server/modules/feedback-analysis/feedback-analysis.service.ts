import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { listDuplicateGroups } from './duplicates.repository.ts';
import { redactsFor } from './views.service.ts';
import { redactedText } from './redaction.ts';
import * as views from './views.repository.ts';

/**
 * The module's public face for other modules and routes: settings, duplicate groups and
 * erasure. Analysis itself: analysis.service.ts (queueAnalysis); presentation: views.service.ts
 * (withAnalysis); similar texts: similarity.service.ts (findSimilarTexts, recordText).
 */
export { queueAnalysis } from './analysis.service.ts';
export { withAnalysis } from './views.service.ts';
export { redactedText } from './redaction.ts';
export { findSimilarTexts, recordText, recordTexts } from './similarity.service.ts';

export async function getAnalysisSettings(ctx: AppContext, workspaceId: string) {
  return { redactPersonalData: await views.redactsPersonalData(ctx.db, workspaceId) };
}

export async function updateAnalysisSettings(
  ctx: AppContext,
  workspaceId: string,
  input: { redactPersonalData: boolean },
  actor: Actor,
) {
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await views.setRedactsPersonalData(db, workspaceId, input.redactPersonalData);
    await recordAudit(
      db,
      workspaceId,
      actor,
      'workspace.updated',
      { type: 'workspace', id: workspaceId },
      { redactPersonalData: input.redactPersonalData },
    );
  });
  return getAnalysisSettings(ctx, workspaceId);
}

/** Groups of near-duplicate feedback, with the first item's text as this role may see it. */
export async function duplicateGroups(
  ctx: AppContext,
  workspaceId: string,
  role: Role,
  query: { kind: 'many-people' | 'same-person'; limit: number },
) {
  const rows = await listDuplicateGroups(ctx.db, workspaceId, query.kind, query.limit);
  const redacting = await redactsFor(ctx.db, workspaceId, role);
  return rows.map((row) => ({
    ...row,
    text: redacting ? redactedText(null, row.text) : row.text,
    receivedAt: new Date(row.receivedAt),
    lastAt: new Date(row.lastAt),
  }));
}

/**
 * Erasure of a customer's feedback text: what analysis derived from it goes too (key phrases,
 * sentences, mentions with their words, similarity bands), and repeats stop pointing at it.
 * Call before the feedback is unlinked from the contact, in the erasure's transaction.
 */
export { eraseAnalysisOfContact } from './erasure.service.ts';

import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import type { SentimentLabel } from '../analysis/types.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './corrections.repository.ts';
import { withAnalysis } from './views.service.ts';
import { loadFeedbackTexts } from './analysis.repository.ts';

/**
 * Staff correct an item's sentiment label: the label is stored with a flag that re-analysis
 * respects, and the correction (with the label it replaced and who made it) is kept for the
 * evaluation set.
 */
export async function correctSentiment(
  ctx: AppContext,
  workspaceId: string,
  feedbackId: string,
  label: SentimentLabel,
  actor: Actor,
  role: Role,
) {
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    if (!(await repo.feedbackExists(db, workspaceId, feedbackId)))
      throw errors.notFound('feedback', feedbackId);
    const previous = await repo.correctSentiment(db, workspaceId, feedbackId, label, actor.userId);
    if (!previous)
      throw errors.conflict('This item has not been analysed yet; try again in a moment.');
    await recordAudit(
      db,
      workspaceId,
      actor,
      'analysis.sentiment_corrected',
      { type: 'feedback', id: feedbackId },
      { previous: previous.label, corrected: label },
    );
  });
  const [item] = await loadFeedbackTexts(ctx.db, workspaceId, [feedbackId]);
  const [presented] = await withAnalysis(ctx.db, workspaceId, role, [
    { id: feedbackId, text: item?.text ?? '', metadata: {}, contactName: null },
  ]);
  return presented!.analysis!;
}

const PAGE = 1000;

/**
 * Every item staff corrected, as evaluation lines for `bench/sentiment --corrections FILE`:
 * `{"id","text","label","source":"correction","split":"test"}`, the latest label per item.
 */
export async function exportSentimentCorrections(
  ctx: AppContext,
  workspaceId: string,
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  let afterId: string | undefined;
  let count = 0;
  for (;;) {
    const rows = await repo.pageSentimentCorrections(ctx.db, workspaceId, afterId, PAGE);
    for (const row of rows) {
      await write(
        JSON.stringify({
          id: row.feedbackId,
          text: row.text,
          label: row.label,
          source: 'correction',
          split: 'test',
        }),
      );
      count++;
    }
    if (rows.length < PAGE) return count;
    afterId = rows.at(-1)!.feedbackId;
  }
}

/** Every correction of the workspace, oldest first, for the workspace export. */
export async function* allCorrections(ctx: AppContext, workspaceId: string) {
  let afterId = 0;
  for (;;) {
    const rows = await repo.pageCorrections(ctx.db, workspaceId, afterId, PAGE);
    for (const row of rows)
      yield { ...row, id: String(row.id), createdAt: new Date(row.createdAt).toISOString() };
    if (rows.length < PAGE) return;
    afterId = rows.at(-1)!.id;
  }
}

export function importCorrections(db: Db, rows: repo.ImportedCorrection[]) {
  return repo.insertImportedCorrections(db, rows);
}

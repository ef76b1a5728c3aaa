import { performance } from 'node:perf_hooks';
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { feedback } from '../../server/db/schema/index.ts';

/**
 * The floor for a volume bench: the same feedback rows a run stored (text, score, contact,
 * account, time) inserted again with plain multi-row INSERTs of `batchSize` rows, into the same
 * table with the same indexes and foreign keys. Rows are read page by page with the clock
 * stopped, so only the INSERTs are timed and memory stays flat for a million rows.
 */
export async function plainInsertBaseline(
  db: Db,
  workspaceId: string,
  batchSize = 1000,
): Promise<{ rows: number; ms: number }> {
  let after = 0;
  let rows = 0;
  let ms = 0;
  for (;;) {
    const page = await db
      .select({
        rawItemId: feedback.rawItemId,
        workspaceId: feedback.workspaceId,
        channel: feedback.channel,
        touchpointId: feedback.touchpointId,
        contactId: feedback.contactId,
        accountId: feedback.accountId,
        scoreType: feedback.scoreType,
        score: feedback.score,
        text: feedback.text,
        metadata: feedback.metadata,
        receivedAt: feedback.receivedAt,
      })
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          isNotNull(feedback.rawItemId),
          gt(feedback.rawItemId, after),
        ),
      )
      .orderBy(asc(feedback.rawItemId))
      .limit(batchSize * 10);
    if (page.length === 0) break;
    after = page.at(-1)!.rawItemId!;
    const started = performance.now();
    for (let offset = 0; offset < page.length; offset += batchSize) {
      const values = page.slice(offset, offset + batchSize).map(({ rawItemId: _, ...row }) => row);
      await db.insert(feedback).values(values);
    }
    ms += performance.now() - started;
    rows += page.length;
  }
  return { rows, ms };
}

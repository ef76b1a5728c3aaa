import { performance } from 'node:perf_hooks';
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../server/db/client.ts';
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

/**
 * The database's own floor for storing a run's feedback rows: the same rows copied inside
 * PostgreSQL (INSERT … SELECT, 1,000 rows a statement, `sessions` at once), into the same table with
 * the same indexes and foreign keys, with no client, driver or parsing in the way. No pipeline that
 * ends in this table can store rows faster than this on the machine.
 */
export async function serverSideInsertFloor(
  db: Db,
  workspaceId: string,
  sessions = 4,
  batchSize = 1000,
): Promise<{ rows: number; ms: number }> {
  const [range] = await queryRows<{ low: number; high: number }>(
    db,
    sql`SELECT coalesce(min(raw_item_id), 0)::int AS low, coalesce(max(raw_item_id), -1)::int AS high
        FROM feedback WHERE workspace_id = ${workspaceId}`,
  );
  const { low, high } = range!;
  const batches: Array<[number, number]> = [];
  for (let from = low; from <= high; from += batchSize) batches.push([from, from + batchSize - 1]);
  let rows = 0;
  const started = performance.now();
  const session = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const copied = await queryRows<{ n: number }>(
        db,
        sql`WITH copied AS (
              INSERT INTO feedback (workspace_id, channel, touchpoint_id, contact_id, account_id,
                score_type, score, text, metadata, received_at)
              SELECT workspace_id, channel, touchpoint_id, contact_id, account_id, score_type, score,
                text, metadata, received_at
              FROM feedback
              WHERE workspace_id = ${workspaceId} AND raw_item_id BETWEEN ${batch[0]} AND ${batch[1]}
              RETURNING 1)
            SELECT count(*)::int AS n FROM copied`,
      );
      rows += copied[0]!.n;
    }
  };
  await Promise.all(Array.from({ length: sessions }, session));
  return { rows, ms: performance.now() - started };
}

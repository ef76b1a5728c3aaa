import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { Channel } from '../../db/schema/index.ts';

/** The feedback rows normalisation writes: one per raw item, or one per group of raw items. */
export interface NormalisedFeedbackRow {
  rawItemId: number;
  postId: string | null;
  channel: Channel;
  touchpointId: string | null;
  contactId: string | null;
  accountId: string | null;
  scoreType: string | null;
  score: number | null;
  text: string;
  receivedAt: string;
  metadata?: Record<string, unknown> | undefined;
  group?: { key: string; revision: number } | undefined;
}

/**
 * Inserts the feedback made from each raw item, or finds the one made earlier: normalising twice
 * adds nothing. Items of a group (several raw items revising one feedback item) are upserted one
 * by one; the rest go in one statement. Returns the feedback id per raw item.
 */
export async function insertNormalisedFeedback(
  db: Db,
  workspaceId: string,
  rows: NormalisedFeedbackRow[],
): Promise<Map<number, string>> {
  const ids = await insertUngroupedFeedback(
    db,
    workspaceId,
    rows.filter((row) => !row.group),
  );
  for (const row of rows) {
    if (row.group)
      ids.set(row.rawItemId, await upsertGroupedFeedback(db, workspaceId, row, row.group));
  }
  return ids;
}

async function insertUngroupedFeedback(
  db: Db,
  workspaceId: string,
  rows: NormalisedFeedbackRow[],
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  if (rows.length === 0) return ids;
  const records = JSON.stringify(rows.map((row) => ({ ...row, metadata: row.metadata ?? {} })));
  const inserted = await queryRows<{ rawItemId: number; id: string }>(
    db,
    sql`INSERT INTO feedback (workspace_id, raw_item_id, post_id, channel, touchpoint_id, contact_id,
          account_id, score_type, score, text, received_at, metadata)
        SELECT ${workspaceId}::uuid, "rawItemId", "postId", channel, "touchpointId", "contactId",
          "accountId", "scoreType", score, text, "receivedAt", metadata
        FROM jsonb_to_recordset(${records}::jsonb) AS r("rawItemId" bigint, "postId" uuid,
          channel text, "touchpointId" uuid, "contactId" uuid, "accountId" uuid, "scoreType" text,
          score smallint, text text, "receivedAt" timestamptz, metadata jsonb)
        ON CONFLICT (workspace_id, raw_item_id) DO NOTHING
        RETURNING raw_item_id::int AS "rawItemId", id`,
  );
  for (const row of inserted) ids.set(Number(row.rawItemId), row.id);
  if (inserted.length === rows.length) return ids;
  // Some were normalised before (a retried job): find the feedback they made then.
  const earlier = rows.filter((row) => !ids.has(row.rawItemId)).map((row) => row.rawItemId);
  const stored = await queryRows<{ rawItemId: number; id: string }>(
    db,
    sql`SELECT raw_item_id::int AS "rawItemId", id FROM feedback
        WHERE workspace_id = ${workspaceId}
          AND raw_item_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(earlier)}::jsonb)::bigint))`,
  );
  for (const row of stored) ids.set(Number(row.rawItemId), row.id);
  return ids;
}

/**
 * Feedback revised by several raw items (a survey response page by page, a widget's score then its
 * follow-up): the first one normalised inserts it (and stays its raw_item_id). A newer revision
 * overrides what it says; an older one, normalised late, only fills what is still missing. So
 * normalising out of order or twice leaves the newest state and loses nothing.
 */
async function upsertGroupedFeedback(
  db: Db,
  workspaceId: string,
  row: NormalisedFeedbackRow,
  group: { key: string; revision: number },
): Promise<string> {
  const newer = sql`EXCLUDED.group_revision > coalesce(feedback.group_revision, -1)`;
  const [upserted] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO feedback (workspace_id, raw_item_id, group_key, group_revision, post_id, channel, touchpoint_id,
          contact_id, account_id, score_type, score, text, received_at, metadata)
        VALUES (${workspaceId}, ${row.rawItemId}, ${group.key}, ${group.revision}, ${row.postId}, ${row.channel},
          ${row.touchpointId}, ${row.contactId}, ${row.accountId}, ${row.scoreType}, ${row.score}, ${row.text},
          ${row.receivedAt}::timestamptz, ${JSON.stringify(row.metadata ?? {})}::jsonb)
        ON CONFLICT (workspace_id, group_key) WHERE group_key IS NOT NULL DO UPDATE SET
          group_revision = greatest(feedback.group_revision, EXCLUDED.group_revision),
          touchpoint_id = CASE WHEN ${newer} THEN coalesce(EXCLUDED.touchpoint_id, feedback.touchpoint_id)
            ELSE coalesce(feedback.touchpoint_id, EXCLUDED.touchpoint_id) END,
          contact_id = CASE WHEN ${newer} THEN coalesce(EXCLUDED.contact_id, feedback.contact_id)
            ELSE coalesce(feedback.contact_id, EXCLUDED.contact_id) END,
          account_id = CASE WHEN ${newer} THEN coalesce(EXCLUDED.account_id, feedback.account_id)
            ELSE coalesce(feedback.account_id, EXCLUDED.account_id) END,
          score_type = CASE WHEN ${newer} THEN coalesce(EXCLUDED.score_type, feedback.score_type)
            ELSE coalesce(feedback.score_type, EXCLUDED.score_type) END,
          score = CASE WHEN ${newer} THEN coalesce(EXCLUDED.score, feedback.score)
            ELSE coalesce(feedback.score, EXCLUDED.score) END,
          text = CASE WHEN ${newer} AND EXCLUDED.text <> '' THEN EXCLUDED.text
            WHEN feedback.text = '' THEN EXCLUDED.text ELSE feedback.text END,
          metadata = CASE WHEN ${newer} THEN feedback.metadata || EXCLUDED.metadata
            ELSE EXCLUDED.metadata || feedback.metadata END
        RETURNING id`,
  );
  if (upserted) return upserted.id;
  const [existing] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND group_key = ${group.key}`,
  );
  if (!existing) throw new Error(`feedback for group ${group.key} vanished`);
  return existing.id;
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { Channel, RawItemState } from '../../db/schema/index.ts';

export const NORMALISE_JOB = 'ingest.normalise';

export interface IncomingRawItem {
  dedupKey: string;
  payload: unknown;
  postId?: string | null;
}

/**
 * Stores raw items exactly as received and queues their normalisation, in ONE statement: either
 * both happen or neither does, and a re-delivered item (same dedup key) adds nothing. Returns
 * the items that were new, with their ids.
 */
export async function receiveRawItems(
  db: Db,
  workspaceId: string,
  channel: Channel,
  items: IncomingRawItem[],
): Promise<Array<{ id: number; dedupKey: string }>> {
  const incoming = JSON.stringify(
    items.map((item) => ({ k: item.dedupKey, p: item.payload, post: item.postId ?? null })),
  );
  return queryRows(
    db,
    sql`WITH incoming AS (
          SELECT item->>'k' AS dedup_key, item->'p' AS payload, (item->>'post')::uuid AS post_id, ordinality
          FROM jsonb_array_elements(${incoming}::jsonb) WITH ORDINALITY AS t(item, ordinality)),
        inserted AS (
          INSERT INTO raw_items (workspace_id, post_id, channel, dedup_key, payload)
          SELECT ${workspaceId}::uuid, post_id, ${channel}, dedup_key, payload
          FROM incoming ORDER BY ordinality
          ON CONFLICT (workspace_id, dedup_key) DO NOTHING
          RETURNING id, dedup_key),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload)
          SELECT ${workspaceId}::uuid, ${NORMALISE_JOB}, jsonb_build_object('rawItemIds', jsonb_agg(id ORDER BY id))
          FROM inserted HAVING count(*) > 0
          RETURNING id)
        SELECT id::int AS id, dedup_key AS "dedupKey" FROM inserted`,
  );
}

export interface PendingRawItem {
  id: number;
  channel: Channel;
  postId: string | null;
  postTouchpointId: string | null;
  payload: unknown;
  receivedAt: string;
}

/** The items of a normalisation job that still need it (processed ones are skipped on a retry). */
export function loadPendingRawItems(db: Db, workspaceId: string, ids: number[]) {
  return queryRows<PendingRawItem>(
    db,
    sql`SELECT r.id::int AS id, r.channel, r.post_id AS "postId", p.touchpoint_id AS "postTouchpointId",
          r.payload, r.received_at AS "receivedAt"
        FROM raw_items r
        LEFT JOIN listening_posts p ON p.workspace_id = r.workspace_id AND p.id = r.post_id
        WHERE r.workspace_id = ${workspaceId} AND r.id IN (${sql.join(ids, sql`, `)}) AND r.state = 'received'
        ORDER BY r.id`,
  );
}

export async function markProcessed(
  db: Db,
  workspaceId: string,
  done: Array<{ rawItemId: number; feedbackId: string }>,
) {
  if (done.length === 0) return;
  const pairs = JSON.stringify(done.map((item) => ({ r: item.rawItemId, f: item.feedbackId })));
  await db.execute(
    sql`UPDATE raw_items SET state = 'processed', feedback_id = (pair->>'f')::uuid, processed_at = now(),
          attempts = attempts + 1, last_error = NULL
        FROM jsonb_array_elements(${pairs}::jsonb) AS pair
        WHERE workspace_id = ${workspaceId} AND id = (pair->>'r')::bigint`,
  );
}

export async function markFailed(
  db: Db,
  workspaceId: string,
  rawItemId: number,
  error: string,
  dead: boolean,
) {
  await db.execute(
    sql`UPDATE raw_items SET attempts = attempts + 1, last_error = ${error.slice(0, 2000)},
          state = ${dead ? 'dead' : 'received'}
        WHERE workspace_id = ${workspaceId} AND id = ${rawItemId}`,
  );
}

/** Gives up on the items of a job that could not finish: those not yet processed turn dead. */
export async function markStillReceivedDead(
  db: Db,
  workspaceId: string,
  rawItemIds: number[],
  error: string,
) {
  await db.execute(
    sql`UPDATE raw_items SET state = 'dead', last_error = ${error.slice(0, 2000)}
        WHERE workspace_id = ${workspaceId} AND state = 'received'
          AND id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(rawItemIds)}::jsonb)::bigint))`,
  );
}

export interface RawItemRow {
  id: number;
  postId: string | null;
  channel: Channel;
  dedupKey: string;
  payload: unknown;
  receivedAt: Date;
  state: RawItemState;
  attempts: number;
  lastError: string | null;
  feedbackId: string | null;
}

export async function listRawItems(
  db: Db,
  workspaceId: string,
  state: RawItemState | undefined,
  limit: number,
) {
  const rows = await queryRows<RawItemRow & { receivedAt: string }>(
    db,
    sql`SELECT id::int AS id, post_id AS "postId", channel, dedup_key AS "dedupKey", payload,
          received_at AS "receivedAt", state, attempts, last_error AS "lastError", feedback_id AS "feedbackId"
        FROM raw_items WHERE workspace_id = ${workspaceId} ${state ? sql`AND state = ${state}` : sql``}
        ORDER BY id DESC LIMIT ${limit}`,
  );
  return rows.map((row) => ({ ...row, receivedAt: new Date(row.receivedAt) }));
}

/** Sends a dead raw item round again: back to `received`, with a new normalisation job. */
export async function requeueDeadRawItem(
  db: Db,
  workspaceId: string,
  id: number,
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`WITH revived AS (
          UPDATE raw_items SET state = 'received', attempts = 0
          WHERE workspace_id = ${workspaceId} AND id = ${id} AND state = 'dead'
          RETURNING id),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload)
          SELECT ${workspaceId}::uuid, ${NORMALISE_JOB}, jsonb_build_object('rawItemIds', jsonb_build_array(id))
          FROM revived
          RETURNING id)
        SELECT id::int AS id FROM revived`,
  );
  return rows.length === 1;
}

/** Ids among `postIds` of listening posts that staff paused. */
export async function pausedPostIds(db: Db, workspaceId: string, postIds: string[]) {
  if (postIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM listening_posts WHERE workspace_id = ${workspaceId} AND status = 'paused'
          AND id::text = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)))`,
  );
  return rows.map((row) => row.id);
}

/** Ids among `ids` that do not exist in the workspace's table (touchpoints or listening posts). */
export async function missingIds(
  db: Db,
  workspaceId: string,
  table: 'touchpoints' | 'listening_posts',
  ids: string[],
) {
  if (ids.length === 0) return [];
  const found = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId}
        AND id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

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

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
 * The common table expressions that store raw items exactly as received and queue their
 * normalisation: `inserted` (the items that were new, with their ids) and `queued` (their job).
 * A statement built on them stores both or neither, and a re-delivered item (same dedup key)
 * adds nothing; a caller may add its own CTEs after these, to write more in the same statement.
 */
export function receiveRawItemsCte(
  workspaceId: string,
  channel: Channel,
  items: IncomingRawItem[],
) {
  const incoming = JSON.stringify(
    items.map((item) => ({ k: item.dedupKey, p: item.payload, post: item.postId ?? null })),
  );
  return sql`WITH incoming AS (
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
          RETURNING id)`;
}

/**
 * Stores raw items exactly as received and queues their normalisation, in ONE statement (see
 * receiveRawItemsCte). Returns the items that were new, with their ids.
 */
export async function receiveRawItems(
  db: Db,
  workspaceId: string,
  channel: Channel,
  items: IncomingRawItem[],
): Promise<Array<{ id: number; dedupKey: string }>> {
  return queryRows(
    db,
    sql`${receiveRawItemsCte(workspaceId, channel, items)}
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

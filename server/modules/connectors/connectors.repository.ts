import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface SourceState {
  sourceKey: string;
  type: string;
  label: string;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: Date;
  itemsStored: number;
}

type RawState = Omit<SourceState, 'lastPolledAt' | 'lastSuccessAt' | 'nextPollAt'> & {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string;
};

const columns = sql`source_key AS "sourceKey", type, label, etag, last_modified AS "lastModified",
  cursor, last_polled_at AS "lastPolledAt", last_success_at AS "lastSuccessAt", last_status AS "lastStatus",
  last_error AS "lastError", consecutive_failures AS "consecutiveFailures", next_poll_at AS "nextPollAt",
  items_stored AS "itemsStored"`;

const date = (value: string | null) => (value === null ? null : new Date(value));
function toState(row: RawState): SourceState {
  return {
    ...row,
    lastPolledAt: date(row.lastPolledAt),
    lastSuccessAt: date(row.lastSuccessAt),
    nextPollAt: new Date(row.nextPollAt),
  };
}

/**
 * Makes the state rows of a post match its configured sources: new sources get a row due now,
 * renamed ones a new label, removed ones lose their row.
 */
export async function syncSources(
  db: Db,
  workspaceId: string,
  postId: string,
  sources: Array<{ key: string; type: string; label: string }>,
) {
  const incoming = JSON.stringify(sources.map((s) => ({ k: s.key, t: s.type, l: s.label })));
  await db.execute(
    sql`WITH incoming AS (
          SELECT item->>'k' AS source_key, item->>'t' AS type, item->>'l' AS label
          FROM jsonb_array_elements(${incoming}::jsonb) AS item),
        removed AS (
          DELETE FROM connector_sources
          WHERE workspace_id = ${workspaceId} AND post_id = ${postId}
            AND source_key NOT IN (SELECT source_key FROM incoming))
        INSERT INTO connector_sources (workspace_id, post_id, source_key, type, label)
        SELECT ${workspaceId}::uuid, ${postId}::uuid, source_key, type, label FROM incoming
        ON CONFLICT (workspace_id, post_id, source_key) DO UPDATE SET label = excluded.label
          WHERE connector_sources.label IS DISTINCT FROM excluded.label`,
  );
}

export async function listSources(db: Db, workspaceId: string, postId: string) {
  const rows = await queryRows<RawState>(
    db,
    sql`SELECT ${columns} FROM connector_sources
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId} ORDER BY created_at, source_key`,
  );
  return rows.map(toState);
}

export async function findSource(db: Db, workspaceId: string, postId: string, key: string) {
  const [row] = await queryRows<RawState>(
    db,
    sql`SELECT ${columns} FROM connector_sources
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId} AND source_key = ${key}`,
  );
  return row && toState(row);
}

/** Sources of a post due at `now`, with the slot they are due for (it names the poll job). */
export async function dueSources(db: Db, workspaceId: string, postId: string, now: Date) {
  const rows = await queryRows<{ sourceKey: string; nextPollAt: string }>(
    db,
    sql`SELECT source_key AS "sourceKey", next_poll_at AS "nextPollAt" FROM connector_sources
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId}
          AND next_poll_at <= ${now.toISOString()}::timestamptz`,
  );
  return rows.map((row) => ({ sourceKey: row.sourceKey, nextPollAt: new Date(row.nextPollAt) }));
}

/** Makes every source of a post due now ("poll now"), returning their slots. */
export async function makeSourcesDue(db: Db, workspaceId: string, postId: string, now: Date) {
  const rows = await queryRows<{ sourceKey: string; nextPollAt: string }>(
    db,
    sql`UPDATE connector_sources SET next_poll_at = ${now.toISOString()}::timestamptz
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId}
        RETURNING source_key AS "sourceKey", next_poll_at AS "nextPollAt"`,
  );
  return rows.map((row) => ({ sourceKey: row.sourceKey, nextPollAt: new Date(row.nextPollAt) }));
}

export interface PollSuccess {
  status: number;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
  stored: number;
  nextPollAt: Date;
}

/** A good poll: validators and cursor kept for the next one, failures forgotten. */
export async function recordSuccess(
  db: Db,
  workspaceId: string,
  postId: string,
  key: string,
  result: PollSuccess,
) {
  await db.execute(
    sql`UPDATE connector_sources SET last_polled_at = now(), last_success_at = now(),
          last_status = ${result.status}, last_error = NULL, consecutive_failures = 0,
          etag = ${result.etag}, last_modified = ${result.lastModified}, cursor = ${result.cursor},
          items_stored = items_stored + ${result.stored},
          next_poll_at = ${result.nextPollAt.toISOString()}::timestamptz
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId} AND source_key = ${key}`,
  );
}

/** A failed poll: the reason is kept and the next try pushed back to `nextPollAt`. */
export async function recordFailure(
  db: Db,
  workspaceId: string,
  postId: string,
  key: string,
  failure: { status: number | null; error: string; failures: number; nextPollAt: Date },
) {
  await db.execute(
    sql`UPDATE connector_sources SET last_polled_at = now(), last_status = ${failure.status},
          last_error = ${failure.error.slice(0, 1000)}, consecutive_failures = ${failure.failures},
          next_poll_at = ${failure.nextPollAt.toISOString()}::timestamptz
        WHERE workspace_id = ${workspaceId} AND post_id = ${postId} AND source_key = ${key}`,
  );
}

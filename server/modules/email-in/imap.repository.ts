import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface ImapPollTarget {
  workspaceId: string;
  postId: string;
  config: Record<string, unknown>;
}

/**
 * Email posts with IMAP settings whose next poll is due, in every workspace (the scheduler's
 * fan-out runs for the operator). Paused posts are skipped; posts in error are polled again once
 * their back-off has passed.
 */
export function duePollTargets(db: Db, limit: number) {
  return queryRows<ImapPollTarget>(
    db,
    sql`SELECT p.workspace_id AS "workspaceId", p.id AS "postId", p.config
        FROM listening_posts p
        LEFT JOIN email_imap_state s ON s.workspace_id = p.workspace_id AND s.post_id = p.id
        WHERE p.kind = 'email' AND p.status <> 'paused' AND p.config->'settings' ? 'imap'
          AND (s.next_poll_at IS NULL OR s.next_poll_at <= now())
        ORDER BY s.next_poll_at NULLS FIRST LIMIT ${limit}`,
  );
}

export async function pollTarget(db: Db, workspaceId: string, postId: string) {
  const [row] = await queryRows<ImapPollTarget & { status: string; kind: string }>(
    db,
    sql`SELECT workspace_id AS "workspaceId", id AS "postId", config, status, kind FROM listening_posts
        WHERE workspace_id = ${workspaceId} AND id = ${postId}`,
  );
  return row;
}

export interface ImapState {
  uidValidity: number | null;
  lastUid: number;
  failures: number;
}

export async function readImapState(db: Db, workspaceId: string, postId: string) {
  const [row] = await queryRows<ImapState>(
    db,
    sql`SELECT uid_validity::float8 AS "uidValidity", last_uid::float8 AS "lastUid", failures
        FROM email_imap_state WHERE workspace_id = ${workspaceId} AND post_id = ${postId}`,
  );
  return row ?? { uidValidity: null, lastUid: 0, failures: 0 };
}

/** Records progress after each message, so a crash mid-run refetches at most one message. */
export async function saveImapProgress(
  db: Db,
  workspaceId: string,
  postId: string,
  progress: { uidValidity: number; lastUid: number },
) {
  await db.execute(
    sql`INSERT INTO email_imap_state (workspace_id, post_id, uid_validity, last_uid)
        VALUES (${workspaceId}, ${postId}, ${progress.uidValidity}, ${progress.lastUid})
        ON CONFLICT (workspace_id, post_id) DO UPDATE
          SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid`,
  );
}

/** After a run: success resets the failure count; a failure counts up and pushes the next poll back. */
export async function finishImapRun(
  db: Db,
  workspaceId: string,
  postId: string,
  outcome: { failed: boolean; nextPollAt: Date },
) {
  await db.execute(
    sql`INSERT INTO email_imap_state (workspace_id, post_id, failures, next_poll_at, last_polled_at)
        VALUES (${workspaceId}, ${postId}, ${outcome.failed ? 1 : 0}, ${outcome.nextPollAt.toISOString()}::timestamptz, now())
        ON CONFLICT (workspace_id, post_id) DO UPDATE
          SET failures = CASE WHEN ${outcome.failed} THEN email_imap_state.failures + 1 ELSE 0 END,
              next_poll_at = excluded.next_poll_at, last_polled_at = now()`,
  );
}

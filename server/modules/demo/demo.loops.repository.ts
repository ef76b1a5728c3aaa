import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** The workspace's first owner: demo rules assign cases to them. */
export async function firstOwner(db: Db, workspaceId: string): Promise<string | null> {
  const [row] = await queryRows<{ userId: string }>(
    db,
    sql`SELECT user_id AS "userId" FROM memberships
        WHERE workspace_id = ${workspaceId} AND role = 'owner' ORDER BY created_at, user_id LIMIT 1`,
  );
  return row?.userId ?? null;
}

export interface DetractorItem {
  id: string;
  contactId: string;
  accountId: string | null;
  score: number;
  text: string;
  accountName: string | null;
}

/**
 * The latest NPS detractor answer of each contact in a window (one per contact, as routing would
 * merge the rest into it), newest first.
 */
export function detractorItems(db: Db, workspaceId: string, from: Date, to: Date, limit: number) {
  return queryRows<DetractorItem>(
    db,
    sql`SELECT DISTINCT ON (f.contact_id) f.id, f.contact_id AS "contactId",
          f.account_id AS "accountId", f.score, f.text, a.name AS "accountName"
        FROM feedback f
        LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
        WHERE f.workspace_id = ${workspaceId} AND f.score_type = 'nps' AND f.score <= 6
          AND f.contact_id IS NOT NULL
          AND f.received_at >= ${from.toISOString()}::timestamptz
          AND f.received_at < ${to.toISOString()}::timestamptz
        ORDER BY f.contact_id, f.received_at DESC
        LIMIT ${limit}`,
  );
}

/**
 * Gives the demo's cases a believable past: each opened an hour after its feedback arrived, was
 * answered within hours, and — unless it is recent — went through the loop and closed days later
 * with an outcome. Chance comes from a hash of the case id, so the same seed gives the same story.
 * Timeline events follow the same times; about one reply in seven reads as a stock reply.
 */
export async function backdateDemoCases(db: Db, workspaceId: string, now: Date) {
  const nowIso = now.toISOString();
  await db.execute(
    sql`WITH timed AS (
          SELECT c.id, f.received_at + interval '1 hour' AS opened,
            abs(hashtext(c.id::text)) AS h
          FROM cases c
          JOIN case_feedback cf ON cf.workspace_id = c.workspace_id AND cf.case_id = c.id
          JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
          WHERE c.workspace_id = ${workspaceId})
        UPDATE cases c SET
          created_at = t.opened,
          stage_started_at = t.opened,
          first_response_at = CASE WHEN t.h % 10 < 9
            THEN t.opened + make_interval(hours => 1 + (t.h % 30)) END,
          -- Open cases are due from a day ago to three days ahead: a few overdue, most not.
          due_at = CASE WHEN t.opened > ${nowIso}::timestamptz - interval '20 days'
            THEN ${nowIso}::timestamptz + make_interval(hours => (t.h % 96) - 24) END,
          stage = CASE
            WHEN t.opened > ${nowIso}::timestamptz - interval '20 days'
              THEN (ARRAY['engage', 'process', 'follow_up'])[1 + t.h % 3]
            ELSE 'closed' END,
          outcome = CASE WHEN t.opened <= ${nowIso}::timestamptz - interval '20 days'
            THEN (ARRAY['resolved', 'resolved', 'won_back', 'won_back', 'not_resolved', 'no_response'])[1 + t.h % 6] END,
          closed_at = CASE WHEN t.opened <= ${nowIso}::timestamptz - interval '20 days'
            THEN t.opened + make_interval(days => 1 + (t.h % 12)) END,
          resolution = CASE WHEN t.opened <= ${nowIso}::timestamptz - interval '20 days'
            THEN (ARRAY['Called them, found the cause and fixed their account.',
              'Refunded the double charge and explained what changed.',
              'Walked them through the new export; they are happy with it.',
              'Logged the bug with engineering and told them when the fix ships.'])[1 + t.h % 4]
            ELSE '' END,
          score_after = CASE WHEN t.opened <= ${nowIso}::timestamptz - interval '20 days'
            AND t.h % 6 IN (2, 3) THEN 9 + (t.h % 2) END,
          updated_at = t.opened
        FROM timed t WHERE c.workspace_id = ${workspaceId} AND c.id = t.id`,
  );
  await db.execute(
    sql`UPDATE case_events e SET at = c.created_at FROM cases c
        WHERE e.workspace_id = ${workspaceId} AND c.workspace_id = e.workspace_id
          AND c.id = e.case_id AND e.type = 'opened'`,
  );
  await db.execute(
    sql`INSERT INTO case_events (workspace_id, case_id, type, actor_id, data, at)
        SELECT workspace_id, id, 'reply_sent', owner_id,
          jsonb_build_object('stock', abs(hashtext(id::text || 'stock')) % 7 = 0, 'demo', true),
          first_response_at
        FROM cases WHERE workspace_id = ${workspaceId} AND first_response_at IS NOT NULL
        UNION ALL
        SELECT workspace_id, id, 'closed', owner_id,
          jsonb_build_object('outcome', outcome, 'rootCauseThemeId', NULL, 'resolution', resolution),
          closed_at
        FROM cases WHERE workspace_id = ${workspaceId} AND stage = 'closed'`,
  );
}

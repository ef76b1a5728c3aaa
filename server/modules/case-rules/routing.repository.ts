import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import type { RoutableItem } from './evaluate.ts';

/** An item with what the rules and the assignment need. */
export interface RoutingItem extends RoutableItem {
  contactId: string | null;
  accountId: string | null;
  accountName: string | null;
  accountOwnerId: string | null;
  touchpointTeamId: string | null;
  receivedAt: string;
  caseId: string | null;
}

/**
 * Feedback items with their analysis label, themes, account and touchpoint team, in ONE query,
 * oldest first. `onlyUnrouted` leaves out items already in a case; `since` leaves out items
 * received before it (imports and re-analysis of history open nothing).
 */
export function loadRoutingItems(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
  options: { since: Date | null; onlyUnrouted: boolean },
) {
  if (feedbackIds.length === 0) return Promise.resolve([]);
  return queryRows<RoutingItem>(
    db,
    sql`SELECT f.id, f.channel, f.touchpoint_id AS "touchpointId", f.score_type AS "scoreType",
          f.score, f.text, f.contact_id AS "contactId", f.account_id AS "accountId",
          a.tier AS "accountTier", a.name AS "accountName", a.owner_id AS "accountOwnerId",
          tp.team_id AS "touchpointTeamId", fa.sentiment_label AS "sentimentLabel",
          f.received_at AS "receivedAt", cf.case_id AS "caseId",
          coalesce((SELECT jsonb_agg(ft.theme_id) FROM feedback_themes ft
            WHERE ft.workspace_id = f.workspace_id AND ft.feedback_id = f.id), '[]'::jsonb) AS "themeIds"
        FROM feedback f
        LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
        LEFT JOIN touchpoints tp ON tp.workspace_id = f.workspace_id AND tp.id = f.touchpoint_id
        LEFT JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
        LEFT JOIN case_feedback cf ON cf.workspace_id = f.workspace_id AND cf.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId} AND f.id = ANY(${uuidArray(feedbackIds)})
          ${options.onlyUnrouted ? sql`AND cf.case_id IS NULL` : sql``}
          ${options.since ? sql`AND f.received_at > ${options.since.toISOString()}::timestamptz` : sql``}
        ORDER BY f.received_at, f.id`,
  );
}

/** A staff team as routing and deadlines see it. */
export interface RoutingTeam {
  id: string;
  leadUserId: string | null;
  leadEmail: string | null;
  businessHours: Record<string, unknown> | null;
  holidays: string[];
  /** Hearken users among the team's people, in a stable order, for turns. */
  memberUserIds: string[];
}

export function loadTeams(db: Db, workspaceId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return queryRows<RoutingTeam>(
    db,
    sql`SELECT t.id, t.lead_user_id AS "leadUserId", t.lead_email AS "leadEmail",
          t.business_hours AS "businessHours", t.holidays,
          coalesce((SELECT jsonb_agg(DISTINCT p.user_id) FROM staff_people p
            JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = p.user_id
            WHERE p.workspace_id = t.workspace_id AND p.team_id = t.id), '[]'::jsonb) AS "memberUserIds"
        FROM staff_teams t
        WHERE t.workspace_id = ${workspaceId} AND t.id = ANY(${uuidArray(teamIds)})`,
  );
}

export async function workspaceTimezone(db: Db, workspaceId: string) {
  const [row] = await queryRows<{ timezone: string }>(
    db,
    sql`SELECT timezone FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.timezone ?? 'UTC';
}

/**
 * Takes `count` turns per rule for round robin in ONE statement: each rule's counter moves on by
 * its count atomically, and the first turn of this batch is returned. Two routers running at
 * once get different turns.
 */
export async function takeTurns(
  db: Db,
  workspaceId: string,
  turns: ReadonlyArray<{ ruleId: string; count: number }>,
) {
  const wanted = turns.filter((turn) => turn.count > 0);
  if (wanted.length === 0) return new Map<string, number>();
  const rows = await queryRows<{ id: string; first: number }>(
    db,
    sql`UPDATE case_rules r SET assigned_count = r.assigned_count + x.count
        FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS x("ruleId" uuid, count int)
        WHERE r.workspace_id = ${workspaceId} AND r.id = x."ruleId"
        RETURNING r.id, (r.assigned_count - x.count)::int AS first`,
  );
  return new Map(rows.map((row) => [row.id, row.first]));
}

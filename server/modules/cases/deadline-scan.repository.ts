import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import type { OpenStage } from '../../db/schema/index.ts';

/** A case whose deadline mark was just taken by this run. */
export interface ClaimedCase {
  workspaceId: string;
  id: string;
  number: number;
  title: string;
  stage: OpenStage;
  dueAt: string;
  ownerId: string | null;
  ownerEmail: string | null;
  ownerName: string | null;
  teamId: string | null;
}

const claimedColumns = sql`c.workspace_id AS "workspaceId", c.id, c.number, c.title, c.stage,
  c.due_at AS "dueAt", c.owner_id AS "ownerId", c.team_id AS "teamId"`;

const scope = (workspaceId: string | null) =>
  workspaceId === null ? sql`TRUE` : sql`c.workspace_id = ${workspaceId}`;

/**
 * Marks open cases with an owner whose stage has `share` or less of its time left (and is not yet
 * over) as reminded, and returns them with the owner's address. The mark is taken with a
 * conditional UPDATE, so of two runs at once only one gets each case.
 */
export function claimReminders(
  db: Db,
  workspaceId: string | null,
  now: Date,
  share: number,
  limit: number,
) {
  const at = now.toISOString();
  return queryRows<ClaimedCase>(
    db,
    sql`WITH due AS (
          SELECT c.workspace_id, c.id FROM cases c
          WHERE ${scope(workspaceId)} AND c.stage <> 'closed' AND c.due_at IS NOT NULL
            AND c.reminded_at IS NULL AND c.escalated_at IS NULL AND c.owner_id IS NOT NULL
            AND c.due_at > ${at}::timestamptz
            AND ${at}::timestamptz >= c.due_at - (c.due_at - c.stage_started_at) * ${share}::float8
          ORDER BY c.due_at LIMIT ${limit}),
        claimed AS (
          UPDATE cases c SET reminded_at = ${at}::timestamptz
          FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id AND c.reminded_at IS NULL
          RETURNING ${claimedColumns})
        SELECT claimed.*, u.email AS "ownerEmail", u.name AS "ownerName" FROM claimed
        LEFT JOIN users u ON u.id = claimed."ownerId"`,
  );
}

/** Marks open cases past their due time as escalated (once per stage deadline) and returns them. */
export function claimEscalations(db: Db, workspaceId: string | null, now: Date, limit: number) {
  const at = now.toISOString();
  return queryRows<ClaimedCase>(
    db,
    sql`WITH due AS (
          SELECT c.workspace_id, c.id FROM cases c
          WHERE ${scope(workspaceId)} AND c.stage <> 'closed' AND c.due_at IS NOT NULL
            AND c.escalated_at IS NULL AND c.due_at <= ${at}::timestamptz
          ORDER BY c.due_at LIMIT ${limit}),
        claimed AS (
          UPDATE cases c SET escalated_at = ${at}::timestamptz
          FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id AND c.escalated_at IS NULL
          RETURNING ${claimedColumns})
        SELECT claimed.*, u.email AS "ownerEmail", u.name AS "ownerName" FROM claimed
        LEFT JOIN users u ON u.id = claimed."ownerId"`,
  );
}

export interface TeamLead {
  teamId: string;
  leadUserId: string | null;
  email: string | null;
}

/** Each team's lead: the lead user's address, else the team's lead address. */
export function teamLeads(db: Db, workspaceId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return queryRows<TeamLead>(
    db,
    sql`SELECT t.id AS "teamId", t.lead_user_id AS "leadUserId",
          coalesce(u.email, t.lead_email) AS email
        FROM staff_teams t LEFT JOIN users u ON u.id = t.lead_user_id
        WHERE t.workspace_id = ${workspaceId} AND t.id = ANY(${uuidArray(teamIds)})`,
  );
}

/** The workspace's owners and admins, who hear about overdue cases no team lead takes. */
export function workspaceAdmins(db: Db, workspaceId: string) {
  return queryRows<{ userId: string; email: string }>(
    db,
    sql`SELECT u.id AS "userId", u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = ${workspaceId} AND m.role IN ('owner', 'admin')
        ORDER BY m.created_at, u.id`,
  );
}

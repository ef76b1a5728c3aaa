import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';

/** Praise to credit: a person (with their team at the time) or a team alone. */
export interface NewKudos {
  feedbackId: string;
  personId: string | null;
  teamId: string | null;
  quote: string;
}

export interface InsertedKudos {
  id: string;
  feedbackId: string;
}

/**
 * Writes praise found by the analysis; an item and person (or item and team) already credited is
 * skipped, so analysing a batch again writes nothing. A person's row carries their team, so the
 * team's wall counts praise for its members too.
 */
export function insertAnalysisKudos(db: Db, workspaceId: string, rows: NewKudos[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return queryRows<InsertedKudos>(
    db,
    sql`INSERT INTO kudos (workspace_id, feedback_id, person_id, team_id, source, quote)
        SELECT ${workspaceId}::uuid, (x->>'feedbackId')::uuid, p.id,
          coalesce(p.team_id, (x->>'teamId')::uuid), 'analysis', x->>'quote'
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS t(x)
        LEFT JOIN staff_people p
          ON p.workspace_id = ${workspaceId} AND p.id = (x->>'personId')::uuid
        -- A person removed from the directory since the analysis ran gets nothing.
        WHERE (x->>'personId') IS NULL OR p.id IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING id, feedback_id AS "feedbackId"`,
  );
}

/**
 * Removes analysis credit that a new analysis of the same items no longer finds (staff corrected
 * the item to negative, or the directory changed). Hand-tagged kudos are never touched.
 */
export async function pruneAnalysisKudos(
  db: Db,
  workspaceId: string,
  feedbackIds: string[],
  keep: NewKudos[],
) {
  if (feedbackIds.length === 0) return;
  const keys = keep.map((row) => `${row.feedbackId}:${row.personId ?? `team:${row.teamId}`}`);
  await db.execute(
    sql`DELETE FROM kudos
        WHERE workspace_id = ${workspaceId} AND source = 'analysis'
          AND feedback_id = ANY(${uuidArray(feedbackIds)})
          AND NOT (feedback_id::text || ':' || coalesce(person_id::text, 'team:' || team_id::text))
            = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`,
  );
}

/** Tags praise by hand; returns the row, new or already there. */
export async function insertManualKudos(
  db: Db,
  workspaceId: string,
  row: NewKudos & { createdBy: string | null },
) {
  const [inserted] = await queryRows<InsertedKudos>(
    db,
    sql`INSERT INTO kudos (workspace_id, feedback_id, person_id, team_id, source, quote, created_by)
        SELECT ${workspaceId}::uuid, ${row.feedbackId}::uuid, ${row.personId}::uuid,
          coalesce(p.team_id, ${row.teamId}::uuid), 'manual', ${row.quote}, ${row.createdBy}::uuid
        FROM (SELECT 1) one
        LEFT JOIN staff_people p ON p.workspace_id = ${workspaceId} AND p.id = ${row.personId}::uuid
        ON CONFLICT DO NOTHING
        RETURNING id, feedback_id AS "feedbackId"`,
  );
  if (inserted) return { ...inserted, created: true };
  const [existing] = await queryRows<InsertedKudos>(
    db,
    sql`SELECT id, feedback_id AS "feedbackId" FROM kudos
        WHERE workspace_id = ${workspaceId} AND feedback_id = ${row.feedbackId}
          AND ${
            row.personId
              ? sql`person_id = ${row.personId}`
              : sql`person_id IS NULL AND team_id = ${row.teamId}`
          }`,
  );
  return existing ? { ...existing, created: false } : undefined;
}

export async function deleteKudos(
  db: Db,
  workspaceId: string,
  feedbackId: string,
  kudosId: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM kudos WHERE workspace_id = ${workspaceId} AND feedback_id = ${feedbackId}
          AND id = ${kudosId} RETURNING id`,
  );
  return rows.length > 0;
}

export async function feedbackText(db: Db, workspaceId: string, feedbackId: string) {
  const [row] = await queryRows<{ text: string }>(
    db,
    sql`SELECT text FROM feedback WHERE workspace_id = ${workspaceId} AND id = ${feedbackId}`,
  );
  return row?.text;
}

export async function directoryEntryExists(
  db: Db,
  workspaceId: string,
  entry: { personId: string | null; teamId: string | null },
) {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    entry.personId
      ? sql`SELECT true AS found FROM staff_people WHERE workspace_id = ${workspaceId} AND id = ${entry.personId}`
      : sql`SELECT true AS found FROM staff_teams WHERE workspace_id = ${workspaceId} AND id = ${entry.teamId}`,
  );
  return row !== undefined;
}

/** What a notification needs: who was praised, who hears of it, and the customer's words. */
export interface KudosNotice {
  id: string;
  feedbackId: string;
  quote: string;
  personName: string | null;
  teamName: string | null;
  personEmail: string | null;
  leadEmail: string | null;
  leadUserEmail: string | null;
  channel: string;
  receivedAt: string;
  redactPersonalData: boolean;
}

/** Kudos not yet notified, with their recipients (the person, the team's lead). */
export function pendingNotices(db: Db, workspaceId: string, kudosIds: string[]) {
  return queryRows<KudosNotice>(
    db,
    sql`SELECT k.id, k.feedback_id AS "feedbackId", k.quote, p.name AS "personName",
          t.name AS "teamName", p.email AS "personEmail", t.lead_email AS "leadEmail",
          u.email AS "leadUserEmail", f.channel, f.received_at AS "receivedAt",
          w.redact_personal_data AS "redactPersonalData"
        FROM kudos k
        JOIN feedback f ON f.workspace_id = k.workspace_id AND f.id = k.feedback_id
        JOIN workspaces w ON w.id = k.workspace_id
        LEFT JOIN staff_people p ON p.workspace_id = k.workspace_id AND p.id = k.person_id
        LEFT JOIN staff_teams t ON t.workspace_id = k.workspace_id
          AND t.id = coalesce(p.team_id, k.team_id)
        LEFT JOIN users u ON u.id = t.lead_user_id
        WHERE k.workspace_id = ${workspaceId} AND k.id = ANY(${uuidArray(kudosIds)})
          AND k.notified_at IS NULL
        ORDER BY k.created_at, k.id`,
  );
}

export async function markNotified(db: Db, workspaceId: string, kudosIds: string[], at: Date) {
  if (kudosIds.length === 0) return;
  await db.execute(
    sql`UPDATE kudos SET notified_at = ${at.toISOString()}::timestamptz
        WHERE workspace_id = ${workspaceId} AND id = ANY(${uuidArray(kudosIds)})
          AND notified_at IS NULL`,
  );
}

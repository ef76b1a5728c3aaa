import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { CaseOutcome, OpenStage } from '../../db/schema/index.ts';
import type { NewCaseEvent } from './case-events.ts';

/** Changes to one case. Each returns whether the case was in a state that allowed the change. */

export async function assign(
  db: Db,
  workspaceId: string,
  caseId: string,
  change: { ownerId: string | null; teamId: string | null },
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE cases SET owner_id = ${change.ownerId}::uuid, team_id = ${change.teamId}::uuid,
          updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} RETURNING id`,
  );
  return rows.length > 0;
}

export async function recordLearned(
  db: Db,
  workspaceId: string,
  caseId: string,
  learned: string,
  initiatedBy: string,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE cases SET learned = ${learned}, initiated_by = ${initiatedBy}, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} AND stage <> 'closed' RETURNING id`,
  );
  return rows.length > 0;
}

/** Closes an open case with its outcome, root cause and resolution. */
export async function closeCase(
  db: Db,
  workspaceId: string,
  caseId: string,
  close: {
    outcome: CaseOutcome;
    rootCauseThemeId: string | null;
    resolution: string;
    at: Date;
  },
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE cases SET stage = 'closed', outcome = ${close.outcome},
          root_cause_theme_id = ${close.rootCauseThemeId}::uuid, resolution = ${close.resolution},
          closed_at = ${close.at.toISOString()}::timestamptz,
          stage_started_at = ${close.at.toISOString()}::timestamptz, due_at = NULL,
          reminded_at = NULL, escalated_at = NULL, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} AND stage <> 'closed' RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * Reopens a closed case into `stage`, unless its contact already has another open case of the same
 * kind (one open case per contact and kind): then nothing changes and the other case's number is
 * returned as `clash`.
 */
export async function reopenCase(
  db: Db,
  workspaceId: string,
  caseId: string,
  change: { stage: OpenStage; dueAt: Date | null; at: Date },
): Promise<{ reopened: boolean; clash: number | null }> {
  const [clash] = await queryRows<{ number: number }>(
    db,
    sql`SELECT o.number FROM cases c JOIN cases o ON o.workspace_id = c.workspace_id
          AND o.contact_id = c.contact_id AND o.kind = c.kind AND o.stage <> 'closed' AND o.id <> c.id
        WHERE c.workspace_id = ${workspaceId} AND c.id = ${caseId} LIMIT 1`,
  );
  if (clash) return { reopened: false, clash: clash.number };
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE cases SET stage = ${change.stage}, outcome = NULL, closed_at = NULL,
          stage_started_at = ${change.at.toISOString()}::timestamptz,
          due_at = ${change.dueAt?.toISOString() ?? null}::timestamptz, reminded_at = NULL,
          escalated_at = NULL, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} AND stage = 'closed' RETURNING id`,
  );
  return { reopened: rows.length > 0, clash: null };
}

/** Appends one event and returns its id (comment notifications are keyed by it). */
export async function insertEvent(db: Db, workspaceId: string, event: NewCaseEvent) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO case_events (workspace_id, case_id, type, actor_id, data, at)
        VALUES (${workspaceId}, ${event.caseId}, ${event.type}, ${event.actorId}::uuid,
          ${JSON.stringify(event.data)}::jsonb, ${(event.at ?? new Date()).toISOString()}::timestamptz)
        RETURNING id::int AS id`,
  );
  return row!.id;
}

/** Moves every feedback item of one case to another; returns the ids moved. */
export async function moveFeedback(
  db: Db,
  workspaceId: string,
  fromCaseId: string,
  toCaseId: string,
) {
  const rows = await queryRows<{ feedbackId: string }>(
    db,
    sql`UPDATE case_feedback SET case_id = ${toCaseId}, added_at = now()
        WHERE workspace_id = ${workspaceId} AND case_id = ${fromCaseId}
        RETURNING feedback_id AS "feedbackId"`,
  );
  return rows.map((row) => row.feedbackId);
}

/** The cases of a contact, open or closed, for moving them when contacts merge. */
export function casesOfContact(db: Db, workspaceId: string, contactId: string) {
  return queryRows<{ id: string; number: number; kind: string; stage: string }>(
    db,
    sql`SELECT id, number, kind, stage FROM cases
        WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId} ORDER BY number`,
  );
}

export async function setContact(db: Db, workspaceId: string, caseId: string, contactId: string) {
  await db.execute(
    sql`UPDATE cases SET contact_id = ${contactId}, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId}`,
  );
}

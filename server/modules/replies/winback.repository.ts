import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { detractorCondition } from './detractors.ts';

/** Win-back delay after closing, unless the case's rule deadlines say `winback: { hours }`. */
export const DEFAULT_WINBACK_HOURS = 7 * 24;

const winbackHours = sql`CASE WHEN jsonb_typeof(c.deadlines->'winback'->'hours') = 'number'
  THEN (c.deadlines->'winback'->>'hours')::numeric ELSE ${DEFAULT_WINBACK_HOURS} END`;

export interface DueWinback {
  workspaceId: string;
  caseId: string;
  contactId: string | null;
}

/**
 * Closed detractor cases (any workspace) whose win-back delay is over and that have no
 * `winback_sent` event yet, oldest first.
 */
export function dueWinbacks(db: Db, now: Date, limit: number) {
  return queryRows<DueWinback>(
    db,
    sql`SELECT c.workspace_id AS "workspaceId", c.id AS "caseId", c.contact_id AS "contactId"
        FROM cases c
        WHERE c.stage = 'closed' AND c.kind = 'case' AND c.closed_at IS NOT NULL
          AND ${sql.raw(detractorCondition())}
          AND c.closed_at + make_interval(secs => ${winbackHours} * 3600) <= ${now.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.workspace_id = c.workspace_id
            AND e.case_id = c.id AND e.type = 'winback_sent')
        ORDER BY c.closed_at LIMIT ${limit}`,
  );
}

/**
 * Locks the case for its win-back and says whether it still has none: two runs at once (two
 * workers, a retried job) invite once, the second waits for the first and then finds its event.
 */
export async function lockUnsentWinback(db: Db, workspaceId: string, caseId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT c.id FROM cases c WHERE c.workspace_id = ${workspaceId} AND c.id = ${caseId}
        FOR UPDATE`,
  );
  if (rows.length === 0) return false;
  const [sent] = await queryRows<{ id: number }>(
    db,
    sql`SELECT 1 AS id FROM case_events WHERE workspace_id = ${workspaceId} AND case_id = ${caseId}
          AND type = 'winback_sent' LIMIT 1`,
  );
  return sent === undefined;
}

/**
 * The survey to ask again: the active survey the case's feedback came from (newest), else the
 * workspace's newest active survey with an NPS question.
 */
export async function winbackSurvey(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<{ surveyId: string }>(
    db,
    sql`SELECT s.id AS "surveyId" FROM surveys s
        JOIN listening_posts p ON p.workspace_id = s.workspace_id AND p.id = s.post_id
        LEFT JOIN LATERAL (
          SELECT max(f.received_at) AS at FROM case_feedback cf
          JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
          WHERE cf.workspace_id = s.workspace_id AND cf.case_id = ${caseId}
            AND f.metadata->>'surveyId' = s.id::text) own ON true
        WHERE s.workspace_id = ${workspaceId} AND p.status = 'active'
          AND (own.at IS NOT NULL OR EXISTS (
            SELECT 1 FROM jsonb_array_elements(s.definition->'questions') q WHERE q->>'type' = 'nps'))
        ORDER BY own.at DESC NULLS LAST, s.created_at DESC, s.id LIMIT 1`,
  );
  return row?.surveyId;
}

export interface WinbackAnswer {
  workspaceId: string;
  caseId: string;
  stage: string;
  scoreBefore: number | null;
  invitationId: string;
  feedbackId: string;
  scoreType: string | null;
  score: number;
}

/**
 * Win-back invitations that have been answered with a score, for cases with no score after yet:
 * invitation → its response → the feedback made from it (grouped by response).
 */
export function answeredWinbacks(db: Db, limit: number) {
  return queryRows<WinbackAnswer>(
    db,
    sql`SELECT c.workspace_id AS "workspaceId", c.id AS "caseId", c.stage, c.score_before AS "scoreBefore",
          e.data->>'invitationId' AS "invitationId", f.id AS "feedbackId", f.score_type AS "scoreType",
          f.score
        FROM cases c
        JOIN case_events e ON e.workspace_id = c.workspace_id AND e.case_id = c.id
          AND e.type = 'winback_sent' AND e.data ? 'invitationId'
        JOIN survey_responses r ON r.workspace_id = c.workspace_id
          AND r.invitation_id = (e.data->>'invitationId')::uuid
        JOIN feedback f ON f.workspace_id = r.workspace_id AND f.group_key = 'survey-response:' || r.id::text
        WHERE c.score_after IS NULL AND c.kind = 'case' AND f.score IS NOT NULL
        LIMIT ${limit}`,
  );
}

/** Sets the score after (once); a closed case may be upgraded to `won_back`. */
export async function setScoreAfter(
  db: Db,
  workspaceId: string,
  caseId: string,
  score: number,
  upgrade: boolean,
) {
  const [row] = await queryRows<{ outcome: string | null }>(
    db,
    sql`UPDATE cases SET score_after = ${score}, updated_at = now(),
          outcome = CASE WHEN ${upgrade} AND stage = 'closed' THEN 'won_back' ELSE outcome END
        WHERE workspace_id = ${workspaceId} AND id = ${caseId} AND score_after IS NULL
        RETURNING outcome`,
  );
  return row;
}

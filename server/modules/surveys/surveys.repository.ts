import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { ResponseState } from '../../db/schema/index.ts';
import { receiveRawItemsCte, type IncomingRawItem } from '../ingest/ingest.repository.ts';

export interface SurveyRow {
  id: string;
  postId: string;
  name: string;
  definition: unknown;
  publicToken: string;
  touchpointId: string | null;
  status: 'active' | 'paused' | 'error';
  createdAt: string;
  updatedAt: string;
}

const surveyColumns = sql`s.id, s.post_id AS "postId", s.name, s.definition, s.public_token AS "publicToken",
  p.touchpoint_id AS "touchpointId", p.status, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;
const surveyFrom = sql`surveys s JOIN listening_posts p ON p.workspace_id = s.workspace_id AND p.id = s.post_id`;

export async function insertSurvey(
  db: Db,
  workspaceId: string,
  survey: { id: string; postId: string; name: string; definition: unknown; publicToken: string },
) {
  await db.execute(
    sql`INSERT INTO surveys (workspace_id, id, post_id, name, definition, public_token)
        VALUES (${workspaceId}, ${survey.id}, ${survey.postId}, ${survey.name},
          ${JSON.stringify(survey.definition)}::jsonb, ${survey.publicToken})`,
  );
}

export interface SurveyCounts {
  partial: number;
  complete: number;
  invitations: number;
}

export async function listSurveys(db: Db, workspaceId: string) {
  return queryRows<SurveyRow & SurveyCounts>(
    db,
    sql`SELECT ${surveyColumns},
          (SELECT count(*)::int FROM survey_responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id AND r.state = 'partial') AS partial,
          (SELECT count(*)::int FROM survey_responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id AND r.state = 'complete') AS complete,
          (SELECT count(*)::int FROM survey_invitations i WHERE i.workspace_id = s.workspace_id AND i.survey_id = s.id) AS invitations
        FROM ${surveyFrom} WHERE s.workspace_id = ${workspaceId} ORDER BY s.created_at`,
  );
}

export async function findSurvey(db: Db, workspaceId: string, id: string) {
  const [row] = await queryRows<SurveyRow & SurveyCounts>(
    db,
    sql`SELECT ${surveyColumns},
          (SELECT count(*)::int FROM survey_responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id AND r.state = 'partial') AS partial,
          (SELECT count(*)::int FROM survey_responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id AND r.state = 'complete') AS complete,
          (SELECT count(*)::int FROM survey_invitations i WHERE i.workspace_id = s.workspace_id AND i.survey_id = s.id) AS invitations
        FROM ${surveyFrom} WHERE s.workspace_id = ${workspaceId} AND s.id = ${id}`,
  );
  return row;
}

export async function updateSurvey(
  db: Db,
  workspaceId: string,
  id: string,
  changes: { name?: string | undefined; definition?: unknown },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE surveys SET updated_at = now()
          ${changes.name === undefined ? sql`` : sql`, name = ${changes.name}`}
          ${changes.definition === undefined ? sql`` : sql`, definition = ${JSON.stringify(changes.definition)}::jsonb`}
        WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING id`,
  );
  return rows.length === 1;
}

/** A survey by its public token, across workspaces: the public link names no workspace. */
export async function findSurveyByToken(db: Db, token: string) {
  const [row] = await queryRows<SurveyRow & { workspaceId: string }>(
    db,
    sql`SELECT s.workspace_id AS "workspaceId", ${surveyColumns} FROM ${surveyFrom} WHERE s.public_token = ${token}`,
  );
  return row;
}

/** Surveys whose triggers name this event type. */
export function surveysForEvent(db: Db, workspaceId: string, eventType: string) {
  return queryRows<SurveyRow>(
    db,
    sql`SELECT ${surveyColumns} FROM ${surveyFrom}
        WHERE s.workspace_id = ${workspaceId} AND p.status = 'active'
          AND s.definition->'triggers' @> ${JSON.stringify([{ event: eventType }])}::jsonb`,
  );
}

export interface ResponseRow {
  id: string;
  surveyId: string;
  token: string;
  invitationId: string | null;
  contactId: string | null;
  language: string;
  answers: Record<string, unknown>;
  state: ResponseState;
  revision: number;
  createdAt: string;
  contact: { email?: string; name?: string; externalId?: string } | null;
}

const responseColumns = sql`r.id, r.survey_id AS "surveyId", r.token, r.invitation_id AS "invitationId",
  r.contact_id AS "contactId", r.language, r.answers, r.state, r.revision, r.created_at AS "createdAt",
  CASE WHEN i.id IS NULL THEN NULL ELSE jsonb_strip_nulls(jsonb_build_object('email', i.email, 'name', i.name, 'externalId', i.external_id)) END AS contact`;
const responseFrom = sql`survey_responses r LEFT JOIN survey_invitations i
  ON i.workspace_id = r.workspace_id AND i.id = r.invitation_id`;

export async function findResponseByToken(
  db: Db,
  workspaceId: string,
  surveyId: string,
  token: string,
) {
  const [row] = await queryRows<ResponseRow>(
    db,
    sql`SELECT ${responseColumns} FROM ${responseFrom}
        WHERE r.workspace_id = ${workspaceId} AND r.token = ${token} AND r.survey_id = ${surveyId}`,
  );
  return row;
}

/** The response of an invitation, made on first use (clicking the email twice continues it). */
export async function findOrCreateInvitedResponse(
  db: Db,
  workspaceId: string,
  response: {
    surveyId: string;
    invitationId: string;
    contactId: string | null;
    token: string;
    language: string;
  },
) {
  await db.execute(
    sql`INSERT INTO survey_responses (workspace_id, survey_id, token, invitation_id, contact_id, language)
        VALUES (${workspaceId}, ${response.surveyId}, ${response.token}, ${response.invitationId},
          ${response.contactId}, ${response.language})
        ON CONFLICT (workspace_id, invitation_id) DO NOTHING`,
  );
  const [row] = await queryRows<ResponseRow>(
    db,
    sql`SELECT ${responseColumns} FROM ${responseFrom}
        WHERE r.workspace_id = ${workspaceId} AND r.invitation_id = ${response.invitationId}`,
  );
  if (!row) throw new Error('invited response vanished');
  return row;
}

/**
 * A new respondent's first answers: the response row, with the raw item that records them and
 * its normalisation job, in one statement (so one round trip, and all or nothing without a
 * transaction around it). The busiest write of a survey.
 */
export async function insertAnsweredResponse(
  db: Db,
  workspaceId: string,
  raw: IncomingRawItem,
  response: {
    id: string;
    surveyId: string;
    token: string;
    language: string;
    answers: Record<string, unknown>;
    state: ResponseState;
    createdAt: string;
  },
) {
  await db.execute(
    sql`${receiveRawItemsCte(workspaceId, 'survey', [raw])},
        response AS (
          INSERT INTO survey_responses (workspace_id, id, survey_id, token, language, answers, state, revision, created_at)
          VALUES (${workspaceId}, ${response.id}, ${response.surveyId}, ${response.token}, ${response.language},
            ${JSON.stringify(response.answers)}::jsonb, ${response.state}, 1, ${response.createdAt}::timestamptz))
        SELECT 1`,
  );
}

/**
 * Saves a response's new answers if nobody else changed it since `revision` was read: a
 * concurrent submission makes this return false instead of silently losing an answer.
 */
export async function saveResponse(
  db: Db,
  workspaceId: string,
  id: string,
  expectedRevision: number,
  changes: { answers: Record<string, unknown>; state: ResponseState; language: string },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE survey_responses SET answers = ${JSON.stringify(changes.answers)}::jsonb, state = ${changes.state},
          language = ${changes.language}, revision = revision + 1, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND revision = ${expectedRevision}
        RETURNING id`,
  );
  return rows.length === 1;
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { InvitationSource } from '../../db/schema/index.ts';

export interface NewSurveyInvitation {
  surveyId: string;
  contactId: string | null;
  email: string;
  name: string | null;
  externalId: string | null;
  language: string | null;
  token: string;
  source: InvitationSource;
  eventKey: string | null;
  sendAt: Date;
}

export interface InvitationRow {
  id: string;
  token: string;
  surveyId: string;
  contactId: string | null;
  email: string;
  name: string | null;
  externalId: string | null;
  language: string | null;
  source: InvitationSource;
  sendAt: string;
  emailedAt: string | null;
  createdAt: string;
  responseState: 'partial' | 'complete' | null;
}

const columns = sql`i.id, i.token, i.survey_id AS "surveyId", i.contact_id AS "contactId", i.email, i.name,
  i.external_id AS "externalId", i.language, i.source, i.send_at AS "sendAt", i.emailed_at AS "emailedAt",
  i.created_at AS "createdAt"`;

/**
 * Inserts invitations in one statement. An event invitation whose event was seen before for the
 * same survey is skipped, so a re-sent event invites nobody twice. Returns the new rows with the
 * index of the input they came from. The contact is the one already known by the email, if any.
 */
export async function insertInvitations(db: Db, workspaceId: string, rows: NewSurveyInvitation[]) {
  if (rows.length === 0) return [];
  const incoming = JSON.stringify(rows);
  return queryRows<{ id: string; token: string }>(
    db,
    sql`INSERT INTO survey_invitations (workspace_id, survey_id, contact_id, email, name, external_id, language,
          token, source, event_key, send_at)
        SELECT ${workspaceId}::uuid, (x->>'surveyId')::uuid,
          coalesce((x->>'contactId')::uuid, (SELECT c.id FROM contacts c
            WHERE c.workspace_id = ${workspaceId} AND lower(c.email) = lower(x->>'email') LIMIT 1)),
          x->>'email', x->>'name',
          x->>'externalId', x->>'language', x->>'token', x->>'source', x->>'eventKey', (x->>'sendAt')::timestamptz
        FROM jsonb_array_elements(${incoming}::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
        ON CONFLICT (workspace_id, survey_id, event_key) DO NOTHING
        RETURNING id, token`,
  );
}

export async function findInvitationByToken(
  db: Db,
  workspaceId: string,
  surveyId: string,
  token: string,
) {
  const [row] = await queryRows<InvitationRow>(
    db,
    sql`SELECT ${columns}, NULL AS "responseState" FROM survey_invitations i
        WHERE i.workspace_id = ${workspaceId} AND i.token = ${token} AND i.survey_id = ${surveyId}`,
  );
  return row;
}

export function findInvitations(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<InvitationRow>(
    db,
    sql`SELECT ${columns}, NULL AS "responseState" FROM survey_invitations i
        WHERE i.workspace_id = ${workspaceId} AND i.id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

export function listInvitations(db: Db, workspaceId: string, surveyId: string, limit: number) {
  return queryRows<InvitationRow>(
    db,
    sql`SELECT ${columns}, r.state AS "responseState"
        FROM survey_invitations i
        LEFT JOIN survey_responses r ON r.workspace_id = i.workspace_id AND r.invitation_id = i.id
        WHERE i.workspace_id = ${workspaceId} AND i.survey_id = ${surveyId}
        ORDER BY i.created_at DESC LIMIT ${limit}`,
  );
}

/** Marks invitations emailed; returns those that were not already (so each is emailed once). */
export async function markEmailed(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string }>(
    db,
    sql`UPDATE survey_invitations SET emailed_at = now()
        WHERE workspace_id = ${workspaceId} AND emailed_at IS NULL AND id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) RETURNING id`,
  );
}

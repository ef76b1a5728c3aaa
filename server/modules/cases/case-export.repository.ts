import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** One case as the workspace export writes it, with its feedback ids and its whole timeline. */
export interface ExportedCase {
  id: string;
  number: number;
  kind: string;
  title: string;
  contactId: string | null;
  accountId: string | null;
  ownerEmail: string | null;
  teamId: string | null;
  stage: string;
  dueAt: string | null;
  learned: string;
  initiatedBy: string | null;
  outcome: string | null;
  rootCauseThemeId: string | null;
  resolution: string;
  scoreType: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  createdAt: string;
  feedbackIds: string[];
  actionIds: string[];
  events: { type: string; actorEmail: string | null; data: Record<string, unknown>; at: string }[];
}

/** A keyset page of cases by id, so an export of any size stays in bounded memory. */
export function pageCasesForExport(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return queryRows<ExportedCase>(
    db,
    sql`SELECT c.id, c.number, c.kind, c.title, c.contact_id AS "contactId",
          c.account_id AS "accountId", u.email AS "ownerEmail", c.team_id AS "teamId", c.stage,
          c.due_at AS "dueAt", c.learned, c.initiated_by AS "initiatedBy", c.outcome,
          c.root_cause_theme_id AS "rootCauseThemeId", c.resolution, c.score_type AS "scoreType",
          c.score_before AS "scoreBefore", c.score_after AS "scoreAfter",
          c.first_response_at AS "firstResponseAt", c.closed_at AS "closedAt",
          c.created_at AS "createdAt",
          coalesce((SELECT jsonb_agg(cf.feedback_id ORDER BY cf.added_at, cf.feedback_id)
            FROM case_feedback cf WHERE cf.workspace_id = c.workspace_id AND cf.case_id = c.id),
            '[]'::jsonb) AS "feedbackIds",
          coalesce((SELECT jsonb_agg(ca.action_id ORDER BY ca.linked_at, ca.action_id)
            FROM case_actions ca WHERE ca.workspace_id = c.workspace_id AND ca.case_id = c.id),
            '[]'::jsonb) AS "actionIds",
          coalesce((SELECT jsonb_agg(jsonb_build_object('type', e.type, 'actorEmail', eu.email,
              'data', e.data, 'at', e.at) ORDER BY e.at, e.id)
            FROM case_events e LEFT JOIN users eu ON eu.id = e.actor_id
            WHERE e.workspace_id = c.workspace_id AND e.case_id = c.id), '[]'::jsonb) AS events
        FROM cases c LEFT JOIN users u ON u.id = c.owner_id
        WHERE c.workspace_id = ${workspaceId}
          ${afterId === undefined ? sql`` : sql`AND c.id > ${afterId}::uuid`}
        ORDER BY c.id LIMIT ${limit}`,
  );
}

import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { CaseKind, CaseOutcome, CaseStage } from '../../db/schema/index.ts';

/** A case as lists show it, with the names of who and what it is about. */
export interface CaseSummaryRow {
  id: string;
  number: number;
  kind: CaseKind;
  title: string;
  stage: CaseStage;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  contactId: string | null;
  contactName: string | null;
  accountId: string | null;
  accountName: string | null;
  dueAt: string | null;
  outcome: CaseOutcome | null;
  scoreType: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  feedbackCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseFilter {
  stage?: 'open' | 'closed' | 'engage' | 'process' | 'follow_up';
  ownerId?: string | null;
  teamId?: string;
  kind?: CaseKind;
  overdue?: boolean;
  dueSoon?: boolean;
  contactId?: string;
  accountId?: string;
  q?: string;
  /** Puts this user's open cases first. */
  queueOf?: string;
  excludeId?: string;
  limit: number;
  offset: number;
}

const summaryColumns = sql`c.id, c.number, c.kind, c.title, c.stage, c.owner_id AS "ownerId",
  u.name AS "ownerName", c.team_id AS "teamId", t.name AS "teamName", c.contact_id AS "contactId",
  ct.name AS "contactName", c.account_id AS "accountId", a.name AS "accountName",
  c.due_at AS "dueAt", c.outcome, c.score_type AS "scoreType", c.score_before AS "scoreBefore",
  c.score_after AS "scoreAfter",
  (SELECT count(*)::int FROM case_feedback cf
    WHERE cf.workspace_id = c.workspace_id AND cf.case_id = c.id) AS "feedbackCount",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.closed_at AS "closedAt"`;

const summaryJoins = sql`FROM cases c
  LEFT JOIN users u ON u.id = c.owner_id
  LEFT JOIN staff_teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
  LEFT JOIN contacts ct ON ct.workspace_id = c.workspace_id AND ct.id = c.contact_id
  LEFT JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id`;

function conditions(workspaceId: string, filter: CaseFilter, now: Date): SQL {
  const at = now.toISOString();
  const parts: SQL[] = [sql`c.workspace_id = ${workspaceId}`];
  if (filter.stage === 'open') parts.push(sql`c.stage <> 'closed'`);
  else if (filter.stage) parts.push(sql`c.stage = ${filter.stage}`);
  if (filter.ownerId === null) parts.push(sql`c.owner_id IS NULL`);
  else if (filter.ownerId) parts.push(sql`c.owner_id = ${filter.ownerId}`);
  if (filter.teamId) parts.push(sql`c.team_id = ${filter.teamId}`);
  if (filter.kind) parts.push(sql`c.kind = ${filter.kind}`);
  if (filter.overdue) parts.push(sql`c.stage <> 'closed' AND c.due_at < ${at}::timestamptz`);
  if (filter.dueSoon)
    parts.push(sql`c.stage <> 'closed' AND c.due_at >= ${at}::timestamptz
      AND c.due_at < ${at}::timestamptz + interval '24 hours'`);
  if (filter.contactId) parts.push(sql`c.contact_id = ${filter.contactId}`);
  if (filter.accountId) parts.push(sql`c.account_id = ${filter.accountId}`);
  if (filter.excludeId) parts.push(sql`c.id <> ${filter.excludeId}`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`c.title ILIKE ${pattern}`);
  }
  return sql.join(parts, sql` AND `);
}

function ordering(filter: CaseFilter, now: Date): SQL {
  const at = now.toISOString();
  if (filter.queueOf)
    return sql`(c.owner_id IS NOT DISTINCT FROM ${filter.queueOf}::uuid AND c.stage <> 'closed') DESC,
      (c.stage <> 'closed') DESC, (c.stage <> 'closed' AND c.due_at < ${at}::timestamptz) DESC,
      c.due_at ASC NULLS LAST, c.created_at DESC, c.id`;
  return sql`c.created_at DESC, c.id`;
}

export function listCases(db: Db, workspaceId: string, filter: CaseFilter, now: Date) {
  return queryRows<CaseSummaryRow>(
    db,
    sql`SELECT ${summaryColumns} ${summaryJoins}
        WHERE ${conditions(workspaceId, filter, now)}
        ORDER BY ${ordering(filter, now)}
        LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
}

export async function findCaseSummary(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<CaseSummaryRow>(
    db,
    sql`SELECT ${summaryColumns} ${summaryJoins}
        WHERE c.workspace_id = ${workspaceId} AND c.id = ${caseId}`,
  );
  return row;
}

export interface CaseFeedbackRow {
  id: string;
  channel: string;
  text: string;
  scoreType: string | null;
  score: number | null;
  sentimentLabel: string | null;
  receivedAt: string;
}

const feedbackColumns = sql`f.id, f.channel, f.text, f.score_type AS "scoreType", f.score,
  fa.sentiment_label AS "sentimentLabel", f.received_at AS "receivedAt"`;
const analysisJoin = sql`LEFT JOIN feedback_analysis fa
  ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id`;

export function caseFeedbackItems(db: Db, workspaceId: string, caseId: string) {
  return queryRows<CaseFeedbackRow>(
    db,
    sql`SELECT ${feedbackColumns} FROM case_feedback cf
        JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
        ${analysisJoin}
        WHERE cf.workspace_id = ${workspaceId} AND cf.case_id = ${caseId}
        ORDER BY f.received_at, f.id`,
  );
}

/** The contact's feedback outside this case, newest first. */
export function otherFeedbackOfContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  caseId: string,
  limit: number,
) {
  return queryRows<CaseFeedbackRow>(
    db,
    sql`SELECT ${feedbackColumns} FROM feedback f ${analysisJoin}
        WHERE f.workspace_id = ${workspaceId} AND f.contact_id = ${contactId}
          AND NOT EXISTS (SELECT 1 FROM case_feedback cf WHERE cf.workspace_id = f.workspace_id
            AND cf.feedback_id = f.id AND cf.case_id = ${caseId})
        ORDER BY f.received_at DESC, f.id LIMIT ${limit}`,
  );
}

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await queryRows<{
    id: string;
    name: string | null;
    email: string | null;
    level: string | null;
  }>(
    db,
    sql`SELECT id, name, email, level FROM contacts
        WHERE workspace_id = ${workspaceId} AND id = ${contactId}`,
  );
  return row ?? null;
}

export async function findAccount(db: Db, workspaceId: string, accountId: string) {
  const [row] = await queryRows<{ id: string; name: string; tier: 'strategic' }>(
    db,
    sql`SELECT id, name, tier FROM accounts WHERE workspace_id = ${workspaceId} AND id = ${accountId}`,
  );
  return row ?? null;
}

export interface CaseEventRow {
  id: number;
  type: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  at: string;
}

export function timeline(db: Db, workspaceId: string, caseId: string) {
  return queryRows<CaseEventRow>(
    db,
    sql`SELECT e.id::int AS id, e.type, e.actor_id AS "actorId", u.name AS "actorName", e.data, e.at
        FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.workspace_id = ${workspaceId} AND e.case_id = ${caseId}
        ORDER BY e.at, e.id`,
  );
}

export async function themeName(db: Db, workspaceId: string, themeId: string) {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`SELECT name FROM themes WHERE workspace_id = ${workspaceId} AND id = ${themeId}`,
  );
  return row?.name ?? null;
}

export async function teamExists(db: Db, workspaceId: string, teamId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM staff_teams WHERE workspace_id = ${workspaceId} AND id = ${teamId}`,
  );
  return rows.length > 0;
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
}

/** The workspace's members: who can own a case, be @mentioned and be told. */
export function members(db: Db, workspaceId: string) {
  return queryRows<MemberRow>(
    db,
    sql`SELECT u.id, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = ${workspaceId} ORDER BY u.name, u.id`,
  );
}

export interface FeedbackForCase {
  id: string;
  contactId: string | null;
  accountId: string | null;
  text: string;
  scoreType: string | null;
  score: number | null;
  caseId: string | null;
}

export function feedbackForCase(db: Db, workspaceId: string, ids: string[]) {
  return queryRows<FeedbackForCase>(
    db,
    sql`SELECT f.id, f.contact_id AS "contactId", f.account_id AS "accountId", f.text,
          f.score_type AS "scoreType", f.score, cf.case_id AS "caseId"
        FROM feedback f LEFT JOIN case_feedback cf
          ON cf.workspace_id = f.workspace_id AND cf.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId}
          AND f.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
        ORDER BY f.received_at, f.id`,
  );
}

/** Whether the workspace hides personal data from viewers. */
export async function redactsPersonalData(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await queryRows<{ redact: boolean }>(
    db,
    sql`SELECT redact_personal_data AS redact FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.redact ?? false;
}

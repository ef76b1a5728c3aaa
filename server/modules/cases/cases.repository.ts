import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import type { CaseKind, CaseOutcome, CaseStage, OpenStage } from '../../db/schema/index.ts';
import type { NewCaseEvent } from './case-events.ts';

/** A case to open, with the feedback that opens it. */
export interface NewCase {
  kind: CaseKind;
  title: string;
  contactId: string | null;
  accountId: string | null;
  ownerId: string | null;
  teamId: string | null;
  ruleId: string | null;
  dueAt: Date | null;
  deadlines: Record<string, unknown>;
  scoreType: string | null;
  scoreBefore: number | null;
  feedbackIds: string[];
  /** Who opened it by hand; null when a rule did. */
  actorId: string | null;
}

export interface OpenedCase {
  id: string;
  number: number;
  contactId: string | null;
  kind: CaseKind;
}

/**
 * Opens cases in one statement each for numbers, cases, their feedback and their `opened` events.
 * A case for a contact who already has an open case of the same kind is skipped (the partial
 * unique index decides, so two routers racing cannot open two): callers merge those items into
 * the open case instead (`findOpenCasesForContacts` + `attachFeedback`). Feedback already in a
 * case is skipped too, so routing the same item twice opens nothing.
 */
export async function insertCases(
  db: Db,
  workspaceId: string,
  planned: NewCase[],
): Promise<OpenedCase[]> {
  if (planned.length === 0) return [];
  const [counter] = await queryRows<{ last: number }>(
    db,
    sql`UPDATE workspaces SET case_counter = case_counter + ${planned.length}
        WHERE id = ${workspaceId} RETURNING case_counter AS last`,
  );
  if (!counter) throw new Error(`workspace ${workspaceId} does not exist`);
  const first = counter.last - planned.length + 1;
  const rows = planned.map((c, i) => ({ ...c, number: first + i }));
  return queryRows<OpenedCase>(
    db,
    sql`WITH incoming AS (
          SELECT (x->>'number')::int AS number, x->>'kind' AS kind, x->>'title' AS title,
            (x->>'contactId')::uuid AS contact_id, (x->>'accountId')::uuid AS account_id,
            (x->>'ownerId')::uuid AS owner_id, (x->>'teamId')::uuid AS team_id,
            (x->>'ruleId')::uuid AS rule_id, (x->>'dueAt')::timestamptz AS due_at,
            x->'deadlines' AS deadlines, x->>'scoreType' AS score_type,
            (x->>'scoreBefore')::smallint AS score_before, x->'feedbackIds' AS feedback_ids,
            (x->>'actorId')::uuid AS actor_id
          FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS t(x)
          -- Items already in a case do not open another.
          -- (a join, not IN (subquery): the planner then probes the primary key per item)
          WHERE NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements_text(x->'feedbackIds') AS fi(value)
            JOIN case_feedback cf
              ON cf.workspace_id = ${workspaceId} AND cf.feedback_id = fi.value::uuid)),
        inserted AS (
          INSERT INTO cases (workspace_id, number, kind, title, contact_id, account_id, owner_id,
            team_id, rule_id, due_at, deadlines, score_type, score_before)
          SELECT ${workspaceId}::uuid, number, kind, title, contact_id, account_id, owner_id, team_id,
            rule_id, due_at, deadlines, score_type, score_before
          FROM incoming ORDER BY number
          ON CONFLICT (workspace_id, contact_id, kind) WHERE stage <> 'closed' AND contact_id IS NOT NULL
          DO NOTHING
          RETURNING id, number, contact_id, kind),
        items AS (
          INSERT INTO case_feedback (workspace_id, feedback_id, case_id)
          SELECT ${workspaceId}::uuid, f.value::uuid, i.id
          FROM inserted i JOIN incoming n ON n.number = i.number,
            jsonb_array_elements_text(n.feedback_ids) AS f(value)
          ON CONFLICT DO NOTHING
          RETURNING case_id),
        events AS (
          INSERT INTO case_events (workspace_id, case_id, type, actor_id, data)
          SELECT ${workspaceId}::uuid, i.id, 'opened', n.actor_id,
            jsonb_build_object('ruleId', n.rule_id, 'feedbackIds', n.feedback_ids,
              'ownerId', n.owner_id, 'teamId', n.team_id)
          FROM inserted i JOIN incoming n ON n.number = i.number
          RETURNING case_id)
        SELECT id, number, contact_id AS "contactId", kind FROM inserted ORDER BY number`,
  );
}

/** Open cases of a kind for these contacts, to merge new feedback into. */
export function findOpenCasesForContacts(
  db: Db,
  workspaceId: string,
  kind: CaseKind,
  contactIds: string[],
) {
  if (contactIds.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; contactId: string }>(
    db,
    sql`SELECT id, contact_id AS "contactId" FROM cases
        WHERE workspace_id = ${workspaceId} AND kind = ${kind} AND stage <> 'closed'
          AND contact_id = ANY(${uuidArray(contactIds)})`,
  );
}

/**
 * Adds feedback to existing cases, with a `feedback_added` event per item actually added (an item
 * already in a case is left where it is). Returns the pairs added.
 */
export function attachFeedback(
  db: Db,
  workspaceId: string,
  links: { caseId: string; feedbackId: string; merged: boolean }[],
  actorId: string | null = null,
) {
  if (links.length === 0) return Promise.resolve([]);
  return queryRows<{ caseId: string; feedbackId: string }>(
    db,
    sql`WITH incoming AS (
          SELECT (x->>'caseId')::uuid AS case_id, (x->>'feedbackId')::uuid AS feedback_id,
            (x->>'merged')::boolean AS merged
          FROM jsonb_array_elements(${JSON.stringify(links)}::jsonb) AS t(x)),
        added AS (
          INSERT INTO case_feedback (workspace_id, feedback_id, case_id)
          SELECT ${workspaceId}::uuid, feedback_id, case_id FROM incoming
          ON CONFLICT DO NOTHING
          RETURNING case_id, feedback_id),
        events AS (
          INSERT INTO case_events (workspace_id, case_id, type, actor_id, data)
          SELECT ${workspaceId}::uuid, a.case_id, 'feedback_added', ${actorId}::uuid,
            jsonb_build_object('feedbackId', a.feedback_id, 'merged', i.merged)
          FROM added a JOIN incoming i USING (case_id, feedback_id)
          RETURNING id),
        touched AS (
          UPDATE cases SET updated_at = now()
          WHERE workspace_id = ${workspaceId} AND id IN (SELECT case_id FROM added)
          RETURNING id)
        SELECT case_id AS "caseId", feedback_id AS "feedbackId" FROM added`,
  );
}

/** Appends events to case timelines. */
export async function insertEvents(db: Db, workspaceId: string, events: NewCaseEvent[]) {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ ...e, at: (e.at ?? new Date()).toISOString() }));
  await db.execute(
    sql`INSERT INTO case_events (workspace_id, case_id, type, actor_id, data, at)
        SELECT ${workspaceId}::uuid, (x->>'caseId')::uuid, x->>'type', (x->>'actorId')::uuid,
          x->'data', (x->>'at')::timestamptz
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS t(x)`,
  );
}

export interface CaseRow {
  id: string;
  number: number;
  kind: CaseKind;
  title: string;
  contactId: string | null;
  accountId: string | null;
  ownerId: string | null;
  teamId: string | null;
  ruleId: string | null;
  stage: CaseStage;
  stageStartedAt: string;
  dueAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  deadlines: Record<string, unknown>;
  learned: string;
  initiatedBy: string | null;
  outcome: CaseOutcome | null;
  rootCauseThemeId: string | null;
  resolution: string;
  scoreType: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const caseColumns = sql`id, number, kind, title, contact_id AS "contactId",
  account_id AS "accountId", owner_id AS "ownerId", team_id AS "teamId", rule_id AS "ruleId",
  stage, stage_started_at AS "stageStartedAt", due_at AS "dueAt", reminded_at AS "remindedAt",
  escalated_at AS "escalatedAt", deadlines, learned, initiated_by AS "initiatedBy", outcome,
  root_cause_theme_id AS "rootCauseThemeId", resolution, score_type AS "scoreType",
  score_before AS "scoreBefore", score_after AS "scoreAfter",
  first_response_at AS "firstResponseAt", closed_at AS "closedAt", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

export async function findCase(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<CaseRow>(
    db,
    sql`SELECT ${caseColumns} FROM cases WHERE workspace_id = ${workspaceId} AND id = ${caseId}`,
  );
  return row;
}

/** The case an item belongs to, if any (an inbound reply finds its case this way). */
export async function findCaseOfFeedback(db: Db, workspaceId: string, feedbackId: string) {
  const [row] = await queryRows<{ caseId: string }>(
    db,
    sql`SELECT case_id AS "caseId" FROM case_feedback
        WHERE workspace_id = ${workspaceId} AND feedback_id = ${feedbackId}`,
  );
  return row?.caseId ?? null;
}

/**
 * Moves a case to another stage, stamping when it started and its new due time, and clearing the
 * reminder and escalation marks of the stage it leaves. Only from `from` (null: any open stage),
 * so two agents moving the same case at once cannot both succeed.
 */
export async function moveStage(
  db: Db,
  workspaceId: string,
  caseId: string,
  change: { from: CaseStage | null; to: CaseStage | OpenStage; dueAt: Date | null; at: Date },
) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`UPDATE cases SET stage = ${change.to}, stage_started_at = ${change.at.toISOString()}::timestamptz,
          due_at = ${change.dueAt?.toISOString() ?? null}::timestamptz, reminded_at = NULL,
          escalated_at = NULL, updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${caseId}
          AND ${change.from === null ? sql`stage <> 'closed'` : sql`stage = ${change.from}`}
        RETURNING id`,
  );
  return row !== undefined;
}

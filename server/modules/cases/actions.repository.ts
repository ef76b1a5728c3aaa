import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { ActionStatus } from '../../db/schema/index.ts';

export interface ActionRow {
  id: string;
  title: string;
  description: string;
  themeId: string | null;
  themeName: string | null;
  status: ActionStatus;
  shippedAt: string | null;
  caseCount: number;
  createdAt: string;
  updatedAt: string;
}

const actionColumns = sql`a.id, a.title, a.description, a.theme_id AS "themeId",
  t.name AS "themeName", a.status, a.shipped_at AS "shippedAt",
  (SELECT count(*)::int FROM case_actions ca
    WHERE ca.workspace_id = a.workspace_id AND ca.action_id = a.id) AS "caseCount",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
const themeJoin = sql`LEFT JOIN themes t ON t.workspace_id = a.workspace_id AND t.id = a.theme_id`;

export function listActions(
  db: Db,
  workspaceId: string,
  filter: { status?: ActionStatus; limit: number; caseId?: string },
) {
  return queryRows<ActionRow>(
    db,
    sql`SELECT ${actionColumns} FROM actions a ${themeJoin}
        WHERE a.workspace_id = ${workspaceId}
          ${filter.status ? sql`AND a.status = ${filter.status}` : sql``}
          ${
            filter.caseId
              ? sql`AND EXISTS (SELECT 1 FROM case_actions ca WHERE ca.workspace_id = a.workspace_id
                  AND ca.action_id = a.id AND ca.case_id = ${filter.caseId})`
              : sql``
          }
        ORDER BY a.created_at DESC, a.id LIMIT ${filter.limit}`,
  );
}

export async function findAction(db: Db, workspaceId: string, actionId: string) {
  const [row] = await queryRows<ActionRow>(
    db,
    sql`SELECT ${actionColumns} FROM actions a ${themeJoin}
        WHERE a.workspace_id = ${workspaceId} AND a.id = ${actionId}`,
  );
  return row;
}

export function findActions(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; title: string }>(
    db,
    sql`SELECT id, title FROM actions WHERE workspace_id = ${workspaceId}
          AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`,
  );
}

export async function insertAction(
  db: Db,
  workspaceId: string,
  action: {
    title: string;
    description: string;
    themeId: string | null;
    status: ActionStatus;
    createdBy: string | null;
    at: Date;
  },
) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO actions (workspace_id, title, description, theme_id, status, shipped_at, created_by)
        VALUES (${workspaceId}, ${action.title}, ${action.description}, ${action.themeId}::uuid,
          ${action.status},
          ${action.status === 'shipped' ? action.at.toISOString() : null}::timestamptz,
          ${action.createdBy}::uuid)
        RETURNING id`,
  );
  return row!.id;
}

/**
 * Updates an action; returns its status before, or undefined when there is no such action. A
 * status change to `shipped` stamps `shipped_at` (once).
 */
export async function updateAction(
  db: Db,
  workspaceId: string,
  actionId: string,
  patch: { title?: string; description?: string; themeId?: string | null; status?: ActionStatus },
  at: Date,
) {
  const sets = [sql`updated_at = now()`];
  if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
  if (patch.description !== undefined) sets.push(sql`description = ${patch.description}`);
  if (patch.themeId !== undefined) sets.push(sql`theme_id = ${patch.themeId}::uuid`);
  if (patch.status !== undefined) {
    sets.push(sql`status = ${patch.status}`);
    if (patch.status === 'shipped')
      sets.push(sql`shipped_at = coalesce(shipped_at, ${at.toISOString()}::timestamptz)`);
  }
  const [row] = await queryRows<{ previous: ActionStatus }>(
    db,
    sql`UPDATE actions a SET ${sql.join(sets, sql`, `)}
        FROM (SELECT status FROM actions WHERE workspace_id = ${workspaceId} AND id = ${actionId}
          FOR UPDATE) AS before
        WHERE a.workspace_id = ${workspaceId} AND a.id = ${actionId}
        RETURNING before.status AS previous`,
  );
  return row?.previous;
}

export async function deleteAction(db: Db, workspaceId: string, actionId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM actions WHERE workspace_id = ${workspaceId} AND id = ${actionId} RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * Links actions to a case; returns the ids newly linked (already linked ones are skipped). A link
 * to an action that has already shipped counts as told: whoever links it knows it shipped.
 */
export async function linkActions(
  db: Db,
  workspaceId: string,
  caseId: string,
  actionIds: string[],
) {
  if (actionIds.length === 0) return [];
  const rows = await queryRows<{ actionId: string }>(
    db,
    sql`INSERT INTO case_actions (workspace_id, case_id, action_id, notified_at)
        SELECT ${workspaceId}::uuid, ${caseId}::uuid, a.id,
          CASE WHEN a.status = 'shipped' THEN now() END
        FROM actions a
        WHERE a.workspace_id = ${workspaceId}
          AND a.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(actionIds)}::jsonb)::uuid)
        ON CONFLICT DO NOTHING RETURNING action_id AS "actionId"`,
  );
  return rows.map((row) => row.actionId);
}

export async function unlinkAction(db: Db, workspaceId: string, caseId: string, actionId: string) {
  const rows = await queryRows<{ caseId: string }>(
    db,
    sql`DELETE FROM case_actions
        WHERE workspace_id = ${workspaceId} AND case_id = ${caseId} AND action_id = ${actionId}
        RETURNING case_id AS "caseId"`,
  );
  return rows.length > 0;
}

export async function countLinkedActions(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM case_actions
        WHERE workspace_id = ${workspaceId} AND case_id = ${caseId}`,
  );
  return row?.n ?? 0;
}

/**
 * Claims the links of a shipped action not yet handed back to their case owners: stamps
 * `notified_at`, so a second call (or a concurrent one) claims nothing.
 */
export function claimShippedLinks(db: Db, workspaceId: string, actionId: string, at: Date) {
  return queryRows<{
    caseId: string;
    number: number;
    title: string;
    stage: string;
    ownerId: string | null;
    ownerEmail: string | null;
    ownerName: string | null;
  }>(
    db,
    sql`WITH claimed AS (
          UPDATE case_actions SET notified_at = ${at.toISOString()}::timestamptz
          WHERE workspace_id = ${workspaceId} AND action_id = ${actionId} AND notified_at IS NULL
          RETURNING case_id)
        SELECT c.id AS "caseId", c.number, c.title, c.stage, c.owner_id AS "ownerId",
          u.email AS "ownerEmail", u.name AS "ownerName"
        FROM claimed JOIN cases c ON c.workspace_id = ${workspaceId} AND c.id = claimed.case_id
        LEFT JOIN users u ON u.id = c.owner_id
        ORDER BY c.number`,
  );
}

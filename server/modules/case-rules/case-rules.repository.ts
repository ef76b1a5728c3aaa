import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { caseRules, memberships, staffTeams } from '../../db/schema/index.ts';

const ruleColumns = {
  id: caseRules.id,
  name: caseRules.name,
  enabled: caseRules.enabled,
  position: caseRules.position,
  kind: caseRules.kind,
  conditions: caseRules.conditions,
  assignment: caseRules.assignment,
  deadlines: caseRules.deadlines,
  mergeIntoOpen: caseRules.mergeIntoOpen,
  assignedCount: caseRules.assignedCount,
  createdAt: caseRules.createdAt,
  updatedAt: caseRules.updatedAt,
};

export type CaseRuleRow = Awaited<ReturnType<typeof listRules>>[number];

/** Rules in the order they are tried. */
export function listRules(db: Db, workspaceId: string, ruleId?: string) {
  return db
    .select(ruleColumns)
    .from(caseRules)
    .where(
      and(eq(caseRules.workspaceId, workspaceId), ruleId ? eq(caseRules.id, ruleId) : undefined),
    )
    .orderBy(asc(caseRules.position), asc(caseRules.id));
}

/** Enabled rules, for routing: one indexed query. */
export function listEnabledRules(db: Db, workspaceId: string) {
  return db
    .select(ruleColumns)
    .from(caseRules)
    .where(and(eq(caseRules.workspaceId, workspaceId), eq(caseRules.enabled, true)))
    .orderBy(asc(caseRules.position), asc(caseRules.id));
}

export async function nextPosition(db: Db, workspaceId: string) {
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`SELECT coalesce(max(position) + 1, 0)::int AS next FROM case_rules
        WHERE workspace_id = ${workspaceId}`,
  );
  return row?.next ?? 0;
}

export async function insertRule(db: Db, rule: typeof caseRules.$inferInsert) {
  const [row] = await db.insert(caseRules).values(rule).returning(ruleColumns);
  if (!row) throw new Error('insert returned no rule');
  return row;
}

export async function updateRule(
  db: Db,
  workspaceId: string,
  ruleId: string,
  patch: Partial<typeof caseRules.$inferInsert>,
) {
  const [row] = await db
    .update(caseRules)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(caseRules.workspaceId, workspaceId), eq(caseRules.id, ruleId)))
    .returning(ruleColumns);
  return row;
}

export async function deleteRule(db: Db, workspaceId: string, ruleId: string) {
  const rows = await db
    .delete(caseRules)
    .where(and(eq(caseRules.workspaceId, workspaceId), eq(caseRules.id, ruleId)))
    .returning({ id: caseRules.id });
  return rows.length > 0;
}

/** Sets every listed rule's position to its index, in one statement. */
export async function reorderRules(db: Db, workspaceId: string, ruleIds: string[]) {
  await db.execute(
    sql`UPDATE case_rules r SET position = (x.n - 1)::int, updated_at = now()
        FROM jsonb_array_elements_text(${JSON.stringify(ruleIds)}::jsonb) WITH ORDINALITY AS x(id, n)
        WHERE r.workspace_id = ${workspaceId} AND r.id = x.id::uuid`,
  );
}

/** Which of these users are members of the workspace. */
export async function memberIds(db: Db, workspaceId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
  return new Set(rows.map((row) => row.id));
}

/** Which of these staff teams exist in the workspace. */
export async function teamIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: staffTeams.id })
    .from(staffTeams)
    .where(and(eq(staffTeams.workspaceId, workspaceId), inArray(staffTeams.id, ids)));
  return new Set(rows.map((row) => row.id));
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import {
  alertDestinations,
  alertRules,
  staffTeams,
  type DestinationKind,
} from '../../db/schema/index.ts';

const ruleColumns = {
  id: alertRules.id,
  name: alertRules.name,
  enabled: alertRules.enabled,
  kind: alertRules.kind,
  conditions: alertRules.conditions,
  createdAt: alertRules.createdAt,
  updatedAt: alertRules.updatedAt,
};

/** What lists show of a destination: never its URL or secret. */
const destinationColumns = {
  id: alertDestinations.id,
  ruleId: alertDestinations.ruleId,
  kind: alertDestinations.kind,
  label: alertDestinations.label,
  settings: alertDestinations.settings,
  signed: sql<boolean>`${alertDestinations.secret} IS NOT NULL`,
  createdAt: alertDestinations.createdAt,
};

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];
export type DestinationRow = Awaited<ReturnType<typeof listDestinations>>[number];

export function listRules(db: Db, workspaceId: string, ruleId?: string) {
  return db
    .select(ruleColumns)
    .from(alertRules)
    .where(
      and(eq(alertRules.workspaceId, workspaceId), ruleId ? eq(alertRules.id, ruleId) : undefined),
    )
    .orderBy(asc(alertRules.createdAt), asc(alertRules.id));
}

export function listDestinations(db: Db, workspaceId: string, ruleIds: string[]) {
  if (ruleIds.length === 0) return Promise.resolve([]);
  return db
    .select(destinationColumns)
    .from(alertDestinations)
    .where(
      and(
        eq(alertDestinations.workspaceId, workspaceId),
        inArray(alertDestinations.ruleId, ruleIds),
      ),
    )
    .orderBy(asc(alertDestinations.createdAt), asc(alertDestinations.position));
}

/** Enabled rules of a kind, for evaluation. */
export function listEnabledRules(db: Db, workspaceId: string, kind: 'feedback' | 'spike') {
  return db
    .select({ id: alertRules.id, name: alertRules.name, conditions: alertRules.conditions })
    .from(alertRules)
    .where(
      and(
        eq(alertRules.workspaceId, workspaceId),
        eq(alertRules.kind, kind),
        eq(alertRules.enabled, true),
      ),
    );
}

export async function insertRule(db: Db, rule: typeof alertRules.$inferInsert) {
  const [row] = await db.insert(alertRules).values(rule).returning(ruleColumns);
  if (!row) throw new Error('insert returned no rule');
  return row;
}

export async function updateRule(
  db: Db,
  workspaceId: string,
  id: string,
  changes: {
    name?: string;
    enabled?: boolean;
    kind?: 'feedback' | 'spike';
    conditions?: unknown[];
  },
) {
  const [row] = await db
    .update(alertRules)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(alertRules.workspaceId, workspaceId), eq(alertRules.id, id)))
    .returning(ruleColumns);
  return row;
}

export async function deleteRule(db: Db, workspaceId: string, id: string) {
  const rows = await db
    .delete(alertRules)
    .where(and(eq(alertRules.workspaceId, workspaceId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length === 1;
}

export interface NewDestination {
  kind: DestinationKind;
  settings: Record<string, unknown>;
  label: string;
  url: string | null;
  secret: string | null;
}

export async function insertDestinations(
  db: Db,
  workspaceId: string,
  ruleId: string,
  destinations: NewDestination[],
) {
  if (destinations.length === 0) return [];
  return db
    .insert(alertDestinations)
    .values(
      destinations.map((destination, position) => ({
        ...destination,
        workspaceId,
        ruleId,
        position,
      })),
    )
    .returning({ ...destinationColumns, position: alertDestinations.position });
}

export async function deleteDestination(db: Db, workspaceId: string, ruleId: string, id: string) {
  const rows = await db
    .delete(alertDestinations)
    .where(
      and(
        eq(alertDestinations.workspaceId, workspaceId),
        eq(alertDestinations.ruleId, ruleId),
        eq(alertDestinations.id, id),
      ),
    )
    .returning({ id: alertDestinations.id });
  return rows.length === 1;
}

/** A destination with its URL and secret, for sending. */
export async function findDestinationForSending(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: alertDestinations.id,
      kind: alertDestinations.kind,
      settings: alertDestinations.settings,
      url: alertDestinations.url,
      secret: alertDestinations.secret,
    })
    .from(alertDestinations)
    .where(and(eq(alertDestinations.workspaceId, workspaceId), eq(alertDestinations.id, id)));
  return row;
}

export async function teamNames(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: staffTeams.id, name: staffTeams.name })
    .from(staffTeams)
    .where(and(eq(staffTeams.workspaceId, workspaceId), inArray(staffTeams.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A rule's destinations with URLs and secrets, for a test send. */
export function listDestinationsForSending(db: Db, workspaceId: string, ruleId: string) {
  return db
    .select({
      id: alertDestinations.id,
      kind: alertDestinations.kind,
      settings: alertDestinations.settings,
      url: alertDestinations.url,
      secret: alertDestinations.secret,
    })
    .from(alertDestinations)
    .where(
      and(eq(alertDestinations.workspaceId, workspaceId), eq(alertDestinations.ruleId, ruleId)),
    )
    .orderBy(asc(alertDestinations.createdAt), asc(alertDestinations.position));
}

/** The addresses an email destination reaches: its own, its team's lead, members by role. */
export async function emailRecipients(
  db: Db,
  workspaceId: string,
  teamId: string | null,
  roles: string[],
): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`SELECT lead_email AS email FROM staff_teams
          WHERE workspace_id = ${workspaceId} AND id = ${teamId}::uuid AND lead_email IS NOT NULL
        UNION
        SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.workspace_id = ${workspaceId}
            AND m.role = ANY(${sql`ARRAY[${sql.join(
              roles.map((role) => sql`${role}`),
              sql`, `,
            )}]::text[]`})`,
  );
  return rows.map((row) => row.email);
}

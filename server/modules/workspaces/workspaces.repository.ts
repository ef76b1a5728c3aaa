import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, users, workspaces, type Role } from '../../db/schema/index.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export async function insertWorkspace(
  db: Db,
  name: string,
  timezone = 'UTC',
): Promise<WorkspaceRow> {
  const [row] = await db.insert(workspaces).values({ name, timezone }).returning();
  if (!row) throw new Error('insert returned no workspace');
  return row;
}

export async function findWorkspace(
  db: Db,
  workspaceId: string,
): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row;
}

export async function updateWorkspace(
  db: Db,
  workspaceId: string,
  changes: { name?: string | undefined; timezone?: string | undefined },
): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .update(workspaces)
    .set(changes)
    .where(eq(workspaces.id, workspaceId))
    .returning();
  return row;
}

export function listUserWorkspaces(db: Db, userId: string) {
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      timezone: workspaces.timezone,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.createdAt));
}

export async function findMembershipRole(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<Role | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role;
}

export async function upsertMembership(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ workspaceId, userId, role })
    .onConflictDoUpdate({ target: [memberships.workspaceId, memberships.userId], set: { role } });
}

export function listMembers(db: Db, workspaceId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export async function setMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length === 1;
}

export async function deleteMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length === 1;
}

export async function countOwners(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return Number(row?.count ?? 0);
}

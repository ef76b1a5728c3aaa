import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, memberships, users, workspaces } from '../../db/schema/index.ts';

export function listMembershipsWithSince(db: Db, userId: string) {
  return db
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export function listActionsBy(db: Db, userId: string) {
  return db
    .select({
      workspaceId: auditLog.workspaceId,
      at: auditLog.at,
      action: auditLog.action,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .where(eq(auditLog.actorUserId, userId))
    .orderBy(asc(auditLog.at));
}

/** Workspaces where this person is the only owner: deleting them would orphan the workspace. */
export async function workspacesOnlyOwnedBy(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'owner'),
        sql`(SELECT count(*) FROM memberships other
             WHERE other.workspace_id = ${memberships.workspaceId} AND other.role = 'owner') = 1`,
      ),
    );
}

/** Removes the person; memberships, sessions and one-time links go with them (foreign keys cascade). */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.update(auditLog).set({ ip: null }).where(eq(auditLog.actorUserId, userId));
  await db.delete(users).where(eq(users.id, userId));
}

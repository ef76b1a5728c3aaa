import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invitations, workspaces } from '../../db/schema/index.ts';

export type NewInvitation = typeof invitations.$inferInsert;

const publicColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
};

export async function insertInvitation(db: Db, invitation: NewInvitation) {
  const [row] = await db.insert(invitations).values(invitation).returning(publicColumns);
  if (!row) throw new Error('insert returned no invitation');
  return row;
}

/** Open invitations only: accepted and revoked ones are history, kept in the audit log. */
export function listOpenInvitations(db: Db, workspaceId: string) {
  return db
    .select(publicColumns)
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.id, id),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function findUsableInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      workspaceId: invitations.workspaceId,
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      workspaceName: workspaces.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row;
}

export async function markAccepted(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { roleAtLeast } from '../../http/access.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './workspaces.repository.ts';

export function listMembers(ctx: AppContext, workspaceId: string) {
  return repo.listMembers(ctx.db, workspaceId);
}

/**
 * Owners are the only ones who can make or unmake owners, and a workspace always keeps at least
 * one owner, so nobody can lock everyone out by accident.
 */
async function guardOwnerChange(
  db: Db,
  workspaceId: string,
  actorRole: Role,
  current: Role,
  next: Role | null,
) {
  const touchesOwner = current === 'owner' || next === 'owner';
  if (touchesOwner && actorRole !== 'owner')
    throw errors.forbidden('Only an owner can change owners.');
  if (current === 'owner' && next !== 'owner' && (await repo.countOwners(db, workspaceId)) <= 1) {
    throw errors.conflict('A workspace needs at least one owner; make someone else owner first.');
  }
}

async function currentRole(db: Db, workspaceId: string, userId: string): Promise<Role> {
  const role = await repo.findMembershipRole(db, workspaceId, userId);
  if (!role) throw errors.notFound('member', userId);
  return role;
}

export async function changeMemberRole(
  ctx: AppContext,
  workspaceId: string,
  userId: string,
  role: Role,
  actor: Actor,
  actorRole: Role,
) {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const previous = await currentRole(db, workspaceId, userId);
    await guardOwnerChange(db, workspaceId, actorRole, previous, role);
    await repo.setMemberRole(db, workspaceId, userId, role);
    await recordAudit(
      db,
      workspaceId,
      actor,
      'member.role_changed',
      { type: 'user', id: userId },
      {
        from: previous,
        to: role,
      },
    );
    const member = (await repo.listMembers(db, workspaceId)).find((row) => row.userId === userId);
    if (!member) throw errors.notFound('member', userId);
    return member;
  });
}

export async function removeMember(
  ctx: AppContext,
  workspaceId: string,
  userId: string,
  actor: Actor,
  actorRole: Role,
) {
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const previous = await currentRole(db, workspaceId, userId);
    const leavingThemselves = actor.userId === userId;
    if (!leavingThemselves && !roleAtLeast(actorRole, 'admin')) throw errors.forbidden();
    await guardOwnerChange(
      db,
      workspaceId,
      leavingThemselves && previous === 'owner' ? 'owner' : actorRole,
      previous,
      null,
    );
    await repo.deleteMember(db, workspaceId, userId);
    await recordAudit(
      db,
      workspaceId,
      actor,
      'member.removed',
      { type: 'user', id: userId },
      { role: previous },
    );
  });
}

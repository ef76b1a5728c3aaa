import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './account.repository.ts';
import { findUserById } from './auth.repository.ts';

/** Everything Hearken holds about a staff member, for their own subject access request. */
export async function exportMyData(ctx: AppContext, actor: Actor & { userId: string }) {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw errors.unauthenticated();
  const memberships = await repo.listMembershipsWithSince(ctx.db, user.id);
  for (const membership of memberships) {
    await recordAudit(
      ctx.db,
      membership.workspaceId,
      actor,
      'data.exported',
      { type: 'user', id: user.id },
      { scope: 'own account' },
    );
  }
  return {
    exportedAt: new Date(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
    },
    memberships,
    actions: await repo.listActionsBy(ctx.db, user.id),
  };
}

/**
 * Deletes the signed-in person's account. Refused while they are the only owner of a workspace:
 * they must hand it over first, so no workspace is left without an owner.
 */
export async function deleteMyAccount(ctx: AppContext, actor: Actor & { userId: string }) {
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const sole = await repo.workspacesOnlyOwnedBy(db, actor.userId);
    if (sole.length > 0) {
      throw errors.conflict(
        'You are the only owner of some workspaces; make someone else owner first.',
        sole.map((workspace) => ({
          path: `workspace.${workspace.id}`,
          message: `only owner of ${workspace.name}`,
        })),
      );
    }
    for (const membership of await repo.listMembershipsWithSince(db, actor.userId)) {
      await recordAudit(
        db,
        membership.workspaceId,
        { ...actor, ip: null },
        'member.removed',
        { type: 'user', id: actor.userId },
        {
          reason: 'account deleted',
        },
      );
    }
    await repo.deleteUser(db, actor.userId);
  });
}

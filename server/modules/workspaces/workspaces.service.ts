import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './workspaces.repository.ts';

export async function createWorkspaceWithOwner(
  db: Db,
  name: string,
  ownerUserId: string,
  actor: Actor,
) {
  const workspace = await repo.insertWorkspace(db, name);
  await repo.upsertMembership(db, workspace.id, ownerUserId, 'owner');
  await recordAudit(db, workspace.id, actor, 'workspace.created', {
    type: 'workspace',
    id: workspace.id,
  });
  return { ...workspace, role: 'owner' as const };
}

export async function createWorkspace(
  ctx: AppContext,
  name: string,
  actor: Actor & { userId: string },
) {
  return ctx.db.transaction((tx) =>
    createWorkspaceWithOwner(tx as unknown as Db, name, actor.userId, actor),
  );
}

export function listWorkspacesOf(ctx: AppContext, userId: string) {
  return repo.listUserWorkspaces(ctx.db, userId);
}

export async function getWorkspace(ctx: AppContext, workspaceId: string) {
  const workspace = await repo.findWorkspace(ctx.db, workspaceId);
  if (!workspace) throw errors.notFound('workspace', workspaceId);
  return workspace;
}

export function isValidTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export async function updateWorkspaceSettings(
  ctx: AppContext,
  workspaceId: string,
  changes: { name?: string | undefined; timezone?: string | undefined },
  actor: Actor,
) {
  if (changes.timezone !== undefined && !isValidTimeZone(changes.timezone)) {
    throw errors.invalid('Unknown time zone.', [
      { path: 'body.timezone', message: 'is not an IANA time zone' },
    ]);
  }
  const workspace = await repo.updateWorkspace(ctx.db, workspaceId, changes);
  if (!workspace) throw errors.notFound('workspace', workspaceId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'workspace.updated',
    { type: 'workspace', id: workspaceId },
    changes,
  );
  return workspace;
}

/** The role a person has in a workspace, or undefined when they are not a member. */
export function roleOf(ctx: AppContext, workspaceId: string, userId: string) {
  return repo.findMembershipRole(ctx.db, workspaceId, userId);
}

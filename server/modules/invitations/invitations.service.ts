import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { roleAtLeast } from '../../http/access.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { findUserByEmail, findUserById } from '../auth/auth.repository.ts';
import { createSession, findOrCreateUser } from '../auth/auth.service.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { findMembershipRole, upsertMembership } from '../workspaces/workspaces.repository.ts';
import * as repo from './invitations.repository.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export function listInvitations(ctx: AppContext, workspaceId: string) {
  return repo.listOpenInvitations(ctx.db, workspaceId);
}

export async function inviteMember(
  ctx: AppContext,
  workspaceId: string,
  input: { email: string; role: Role },
  actor: Actor,
  actorRole: Role,
) {
  if (!roleAtLeast(actorRole, input.role))
    throw errors.forbidden('You cannot invite someone above your own role.');
  const existing = await findUserByEmail(ctx.db, input.email);
  if (existing && (await findMembershipRole(ctx.db, workspaceId, existing.id))) {
    throw errors.conflict(`${input.email} is already a member of this workspace.`, [
      { path: 'body.email', message: 'is already a member' },
    ]);
  }
  const token = newToken();
  const invitation = await repo.insertInvitation(ctx.db, {
    workspaceId,
    email: input.email,
    role: input.role,
    tokenHash: hashToken(token),
    invitedBy: actor.userId,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'invitation.created',
    { type: 'invitation', id: invitation.id },
    {
      email: input.email,
      role: input.role,
    },
  );
  return { invitation, link: `${ctx.config.PUBLIC_URL}/invite?token=${token}` };
}

export async function revokeInvitation(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  actor: Actor,
) {
  if (!(await repo.revokeInvitation(ctx.db, workspaceId, id)))
    throw errors.notFound('invitation', id);
  await recordAudit(ctx.db, workspaceId, actor, 'invitation.revoked', { type: 'invitation', id });
}

async function usableInvitation(db: Db, token: string) {
  const invitation = await repo.findUsableInvitation(db, hashToken(token));
  if (!invitation)
    throw errors.notFound('invitation (it may have been used, revoked or have expired)');
  return invitation;
}

export async function inspectInvitation(ctx: AppContext, token: string) {
  const invitation = await usableInvitation(ctx.db, token);
  const hasAccount = Boolean(await findUserByEmail(ctx.db, invitation.email));
  return {
    workspaceName: invitation.workspaceName,
    email: invitation.email,
    role: invitation.role,
    hasAccount,
  };
}

/**
 * Accepting joins the workspace. A person who already has an account must be signed in as the
 * invited address; a new person chooses a name and password and is signed in.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  input: {
    signedInUserId: string | null;
    name?: string | undefined;
    password?: string | undefined;
  },
  ip: string | null,
) {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const invitation = await usableInvitation(db, token);
    const existing = await findUserByEmail(db, invitation.email);
    let userId: string;
    if (existing) {
      const signedIn = input.signedInUserId
        ? await findUserById(db, input.signedInUserId)
        : undefined;
      if (signedIn?.id !== existing.id) {
        throw errors.unauthenticated(`Sign in as ${invitation.email} to accept this invitation.`);
      }
      userId = existing.id;
    } else {
      if (!input.name || !input.password) {
        throw errors.invalid('Choose a name and a password to create your account.', [
          ...(input.name ? [] : [{ path: 'body.name', message: 'is required' }]),
          ...(input.password ? [] : [{ path: 'body.password', message: 'is required' }]),
        ]);
      }
      userId = (
        await findOrCreateUser(db, {
          email: invitation.email,
          name: input.name,
          password: input.password,
        })
      ).user.id;
    }
    if (!(await repo.markAccepted(db, invitation.workspaceId, invitation.id))) {
      throw errors.notFound('invitation (it may have been used, revoked or have expired)');
    }
    await upsertMembership(db, invitation.workspaceId, userId, invitation.role);
    const actor: Actor = { userId, apiKeyId: null, ip };
    await recordAudit(
      db,
      invitation.workspaceId,
      actor,
      'invitation.accepted',
      { type: 'invitation', id: invitation.id },
      {
        role: invitation.role,
      },
    );
    const session = existing ? null : await createSession(ctx, userId, db);
    return { workspaceId: invitation.workspaceId, userId, session };
  });
}

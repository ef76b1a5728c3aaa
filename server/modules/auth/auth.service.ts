import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { createWorkspaceWithOwner } from '../workspaces/workspaces.service.ts';
import { listUserWorkspaces } from '../workspaces/workspaces.repository.ts';
import * as repo from './auth.repository.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { hashToken, newToken } from './tokens.ts';

const SETUP_LINK_TTL_MS = 24 * 3600_000;
const SET_PASSWORD_LINK_TTL_MS = 7 * 24 * 3600_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  userId: string;
  expiresAt: Date;
}

export async function createSession(
  ctx: AppContext,
  userId: string,
  db: Db = ctx.db,
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.SESSION_TTL_HOURS * 3600_000);
  await repo.insertSession(db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, userId, expiresAt };
}

export async function resolveSession(ctx: AppContext, token: string) {
  return repo.findLiveSession(ctx.db, hashToken(token));
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await repo.deleteSession(ctx.db, hashToken(token));
}

/** Records the attempt in every workspace the person belongs to, so each admin can see it. */
async function auditSignIn(ctx: AppContext, userId: string, ip: string | null, succeeded: boolean) {
  const actor: Actor = { userId, apiKeyId: null, ip };
  for (const workspace of await listUserWorkspaces(ctx.db, userId)) {
    await recordAudit(
      ctx.db,
      workspace.id,
      actor,
      succeeded ? 'auth.sign_in' : 'auth.sign_in_failed',
    );
  }
}

export async function signIn(ctx: AppContext, email: string, password: string, ip: string | null) {
  const user = await repo.findUserByEmail(ctx.db, email);
  // Verify against a decoy when there is no such user, so response time does not reveal accounts.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid) {
    if (user) await auditSignIn(ctx, user.id, ip, false);
    throw errors.unauthenticated('Wrong email or password.');
  }
  await repo.touchSignIn(ctx.db, user.id);
  await auditSignIn(ctx, user.id, ip, true);
  return createSession(ctx, user.id);
}

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await repo.countUsers(ctx.db)) === 0;
}

/** The one-time link that creates the first owner; `undefined` once anyone has an account. */
export async function createSetupLink(ctx: AppContext): Promise<string | undefined> {
  if (!(await needsSetup(ctx))) return undefined;
  const token = newToken();
  await repo.expireSetupTokens(ctx.db);
  await repo.insertOneTimeToken(ctx.db, {
    tokenHash: hashToken(token),
    purpose: 'setup',
    userId: null,
    expiresAt: new Date(Date.now() + SETUP_LINK_TTL_MS),
  });
  return `${ctx.config.PUBLIC_URL}/setup?token=${token}`;
}

export async function createSetPasswordLink(ctx: AppContext, userId: string): Promise<string> {
  const token = newToken();
  await repo.insertOneTimeToken(ctx.db, {
    tokenHash: hashToken(token),
    purpose: 'set_password',
    userId,
    expiresAt: new Date(Date.now() + SET_PASSWORD_LINK_TTL_MS),
  });
  return `${ctx.config.PUBLIC_URL}/setup?token=${token}`;
}

export async function inspectOneTimeToken(ctx: AppContext, token: string) {
  const row = await repo.findUsableOneTimeToken(ctx.db, hashToken(token));
  if (!row) throw errors.notFound('link (it may have been used or have expired)');
  const user = row.userId ? await repo.findUserById(ctx.db, row.userId) : undefined;
  return { purpose: row.purpose, email: user?.email ?? null };
}

async function consume(db: Db, token: string, purpose: 'setup' | 'set_password') {
  const tokenHash = hashToken(token);
  const row = await repo.findUsableOneTimeToken(db, tokenHash);
  if (!row || row.purpose !== purpose || !(await repo.consumeOneTimeToken(db, tokenHash))) {
    throw errors.notFound('link (it may have been used or have expired)');
  }
  return row;
}

export interface SetupInput {
  token: string;
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  demo: boolean;
}

/** Creates the first owner and workspace from the setup link, and signs them in. */
export async function completeSetup(ctx: AppContext, input: SetupInput, ip: string | null) {
  const passwordHash = await hashPassword(input.password);
  const result = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await consume(db, input.token, 'setup');
    if ((await repo.countUsers(db)) > 0) throw errors.conflict('Hearken has already been set up.');
    const user = await repo.insertUser(db, { email: input.email, name: input.name, passwordHash });
    const actor: Actor = { userId: user.id, apiKeyId: null, ip };
    const workspace = await createWorkspaceWithOwner(db, input.workspaceName, user.id, actor);
    if (input.demo) {
      await ctx.jobs.enqueue({ name: 'demo.seed', workspaceId: workspace.id, payload: {} }, db);
    }
    return { user, workspace, session: await createSession(ctx, user.id, db) };
  });
  return result;
}

export async function setPasswordWithToken(
  ctx: AppContext,
  token: string,
  password: string,
  ip: string | null,
) {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const row = await consume(db, token, 'set_password');
    if (!row.userId) throw errors.notFound('link');
    await repo.setPasswordHash(db, row.userId, passwordHash);
    // A new password ends every other session of this person.
    await repo.deleteUserSessions(db, row.userId);
    const actor: Actor = { userId: row.userId, apiKeyId: null, ip };
    for (const workspace of await listUserWorkspaces(db, row.userId)) {
      await recordAudit(db, workspace.id, actor, 'auth.password_set');
    }
    return createSession(ctx, row.userId, db);
  });
}

export async function findOrCreateUser(
  db: Db,
  input: { email: string; name: string; password?: string | undefined },
) {
  const existing = await repo.findUserByEmail(db, input.email);
  if (existing) return { user: existing, created: false };
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return {
    user: await repo.insertUser(db, { email: input.email, name: input.name, passwordHash }),
    created: true,
  };
}

export async function getUser(ctx: AppContext, userId: string) {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw errors.unauthenticated();
  return { id: user.id, email: user.email, name: user.name };
}

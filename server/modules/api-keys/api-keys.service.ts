import type { AppContext } from '../../context.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { roleAtLeast } from '../../http/access.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import * as repo from './api-keys.repository.ts';

export const API_KEY_PREFIX = 'hk_';
const VISIBLE_PREFIX_LENGTH = 10;

export function listApiKeys(ctx: AppContext, workspaceId: string) {
  return repo.listApiKeys(ctx.db, workspaceId);
}

/** Creates a key and returns its secret; only the hash is stored, so this is the only chance to see it. */
export async function createApiKey(
  ctx: AppContext,
  workspaceId: string,
  input: { name: string; role: Role },
  actor: Actor,
  actorRole: Role,
) {
  if (!roleAtLeast(actorRole, input.role)) {
    throw errors.forbidden('You cannot create a key with a higher role than your own.');
  }
  const secret = newToken(API_KEY_PREFIX);
  const id = await repo.insertApiKey(ctx.db, {
    workspaceId,
    name: input.name,
    role: input.role,
    prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
    keyHash: hashToken(secret),
    createdBy: actor.userId,
  });
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'api_key.created',
    { type: 'api_key', id },
    {
      name: input.name,
      role: input.role,
    },
  );
  const apiKey = await repo.findApiKey(ctx.db, workspaceId, id);
  if (!apiKey) throw errors.notFound('API key', id);
  return { apiKey, secret };
}

export async function revokeApiKey(ctx: AppContext, workspaceId: string, id: string, actor: Actor) {
  if (!(await repo.revokeApiKey(ctx.db, workspaceId, id))) throw errors.notFound('API key', id);
  await recordAudit(ctx.db, workspaceId, actor, 'api_key.revoked', { type: 'api_key', id });
}

/** The key behind a bearer secret, or undefined when it is unknown or revoked. */
export async function authenticateApiKey(ctx: AppContext, secret: string) {
  if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
  const key = await repo.findActiveKeyByHash(ctx.db, hashToken(secret));
  if (!key) return undefined;
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await repo.touchApiKey(ctx.db, key.workspaceId, key.id, now);
  }
  return key;
}

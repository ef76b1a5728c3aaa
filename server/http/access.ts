import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';
import type { Role } from '../db/schema/index.ts';

/**
 * Who may call a route. Every route under /api declares one; a route without it is refused at
 * start-up, so a new route cannot be public by accident.
 *   public         anyone (rate-limited)
 *   authenticated  any signed-in user or API key
 *   user           a signed-in person (not an API key): account-level actions
 *   <role>         a member of the workspace in the URL with at least this role
 */
export type Access = 'public' | 'authenticated' | 'user' | Role;

const ROLE_RANK: Record<Role, number> = { viewer: 1, agent: 2, admin: 3, owner: 4 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export interface Principal {
  userId: string | null;
  /** Set when the request carries an API key: the key is bound to one workspace and role. */
  apiKey: { id: string; workspaceId: string; role: Role; name: string } | null;
  /** Set for cookie sessions; writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
}

export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    workspace: WorkspaceAccess | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Requests per minute per client address for public routes; defaults to the config. */
    rateLimitPerMinute?: number;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw errors.unauthenticated();
  return request.principal;
}

export function requireUserId(request: FastifyRequest): string {
  const principal = requirePrincipal(request);
  if (!principal.userId)
    throw errors.forbidden('This action needs a signed-in person, not an API key.');
  return principal.userId;
}

export function requireWorkspace(request: FastifyRequest): WorkspaceAccess {
  if (!request.workspace) throw new Error('route has no workspace access check');
  return request.workspace;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must carry the session's CSRF token (synchroniser token). */
export function checkCsrf(request: FastifyRequest): void {
  const expected = request.principal?.csrfToken;
  if (!expected || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw errors.csrf();
}

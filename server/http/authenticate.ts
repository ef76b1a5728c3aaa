import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { errors } from '../errors.ts';
import { authenticateApiKey } from '../modules/api-keys/api-keys.service.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { roleOf } from '../modules/workspaces/workspaces.service.ts';
import {
  checkCsrf,
  requirePrincipal,
  requireUserId,
  roleAtLeast,
  type Access,
  type Principal,
} from './access.ts';

export const SESSION_COOKIE = 'hearken_session';

/** A registered API route and who may call it; tests walk this list so no route escapes them. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function identify(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, secret] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret)
      throw errors.unauthenticated('Use "Authorization: Bearer <API key>".');
    const key = await authenticateApiKey(ctx, secret);
    if (!key) throw errors.unauthenticated('Unknown or revoked API key.');
    return {
      userId: null,
      apiKey: { id: key.id, workspaceId: key.workspaceId, role: key.role, name: key.name },
      csrfToken: null,
    };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await resolveSession(ctx, token);
  return session ? { userId: session.userId, apiKey: null, csrfToken: session.csrfToken } : null;
}

/**
 * Authentication and authorisation for every API route, in one place:
 * who is calling (onRequest), then whether their role in the workspace named in the URL allows
 * the route (preValidation, before the body is even parsed). A workspace the caller does not
 * belong to answers 404, exactly like one that does not exist.
 */
export function registerAccessControl(app: FastifyInstance, ctx: AppContext): ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.decorateRequest('principal', null);
  app.decorateRequest('workspace', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    if (access === 'public' && !route.config?.rateLimit) {
      throw new Error(`Public route ${route.method} ${route.url} has no rate limit`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.principal = await identify(ctx, request);
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    checkCsrf(request);
    if (access === 'public') return;
    const principal = requirePrincipal(request);
    if (access === 'authenticated') return;
    if (access === 'user') {
      requireUserId(request);
      return;
    }
    // Routes without :workspaceId (the public ingest API) act on the API key's own workspace.
    const workspaceId =
      (request.params as { workspaceId?: string }).workspaceId ?? principal.apiKey?.workspaceId;
    if (!workspaceId) {
      throw errors.invalid(
        'Name the workspace: use /api/v1/workspaces/:workspaceId/… or an API key.',
      );
    }
    if (!UUID.test(workspaceId)) {
      throw errors.invalid('The workspace id is not a UUID.', [
        { path: 'params.workspaceId', message: 'must be a UUID' },
      ]);
    }
    const role = principal.apiKey
      ? principal.apiKey.workspaceId === workspaceId
        ? principal.apiKey.role
        : undefined
      : await roleOf(ctx, workspaceId, principal.userId ?? '');
    if (!role) throw errors.notFound('workspace', workspaceId);
    if (!roleAtLeast(role, access))
      throw errors.forbidden(`This needs the ${access} role or higher; you are ${role}.`);
    request.workspace = { workspaceId, role };
    // Every later log line of this request says which tenant it concerns.
    request.log = request.log.child({ workspaceId });
  });
  return routes;
}

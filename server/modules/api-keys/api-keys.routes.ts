import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import {
  errorReplies,
  nameSchema,
  noContent,
  roleSchema,
  workspaceParams,
} from '../../http/schemas.ts';
import * as apiKeys from './api-keys.service.ts';

const tags = ['api keys'];
const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().describe('The first characters of the key, to tell keys apart'),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export function apiKeysRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'API keys of the workspace (never their secrets)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await apiKeys.listApiKeys(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create an API key; the secret is in this response only',
        params: workspaceParams,
        body: z.strictObject({ name: nameSchema, role: roleSchema }),
        response: { 201: z.object({ apiKey: apiKeySchema, secret: z.string() }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId, role } = requireWorkspace(request);
      return reply
        .status(201)
        .send(await apiKeys.createApiKey(ctx, workspaceId, request.body, actorOf(request), role));
    },
  );

  api.delete(
    '/workspaces/:workspaceId/api-keys/:keyId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Revoke an API key at once',
        params: z.strictObject({ workspaceId: z.uuid(), keyId: z.uuid() }),
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await apiKeys.revokeApiKey(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.keyId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );
}

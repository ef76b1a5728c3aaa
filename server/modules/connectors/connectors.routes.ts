import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies } from '../../http/schemas.ts';
import { listPostSources, pollPostNow } from './connectors.service.ts';

const tags = ['listening posts'];
const postParams = z.strictObject({ workspaceId: z.uuid(), postId: z.uuid() });

const sourceStateSchema = z.object({
  sourceKey: z.string(),
  type: z.string(),
  label: z.string(),
  url: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastPolledAt: z.date().nullable(),
  lastSuccessAt: z.date().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number(),
  nextPollAt: z.date(),
  itemsStored: z.number(),
});

/** The state of a feed or social post's sources, and polling one by hand. */
export function connectorsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/listening-posts/:postId/sources',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary:
          'Each source of a feed or social post: last poll, HTTP status, failures, next poll, last error',
        params: postParams,
        response: { 200: z.object({ items: z.array(sourceStateSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await listPostSources(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.postId,
      ),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/listening-posts/:postId/poll',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Poll every source of a feed or social post now (queued at once, even when backing off)',
        params: postParams,
        response: { 202: z.object({ queued: z.number() }), ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await pollPostNow(ctx, requireWorkspace(request).workspaceId, request.params.postId)),
  );
}

import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { exportFileName, exportWorkspace } from './export.service.ts';
import { streamWriter } from './line-stream.ts';

export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/workspaces/:workspaceId/export',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['export'],
        summary: 'Download the whole workspace as JSON lines (application/x-ndjson)',
        params: workspaceParams,
        response: {
          200: z.unknown().describe('A header line, then one { type, data } object per line'),
          ...errorReplies,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const fileName = await exportFileName(ctx, workspaceId);
      const stream = new PassThrough();
      exportWorkspace(ctx, workspaceId, streamWriter(stream), actorOf(request)).then(
        () => stream.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'export failed');
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './loop-metrics.schemas.ts';
import { loopMetrics } from './loop-metrics.service.ts';

export function loopMetricsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/loop-metrics',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['loop metrics'],
        summary:
          'Closure rate, time to first response and to close, overdue and stock-reply shares, ' +
          'detractors won back: overall and per team, owner, touchpoint or month, with n and intervals',
        params: workspaceParams,
        querystring: schemas.metricsQuery,
        response: { 200: schemas.metricsSchema, ...errorReplies },
      },
    },
    async (request) =>
      loopMetrics(ctx, requireWorkspace(request).workspaceId, request.query, new Date()),
  );
}

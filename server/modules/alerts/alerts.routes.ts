import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './alerts.schemas.ts';
import * as service from './alerts.service.ts';
import { listSpikes } from './spikes.service.ts';

const tags = ['alerts'];

export function alertsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/alerts',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Fired alerts, newest first, with the customer’s words and delivery status',
        params: workspaceParams,
        querystring: schemas.alertsQuery,
        response: { 200: z.object({ items: z.array(schemas.alertSchema) }), ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return { items: await service.listAlerts(ctx, workspaceId, request.query, role) };
    },
  );

  api.post(
    '/workspaces/:workspaceId/alerts/:alertId/acknowledge',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Mark an alert as seen and handled',
        params: z.strictObject({ workspaceId: z.uuid(), alertId: z.uuid() }),
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await service.acknowledgeAlert(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.alertId,
        request.principal?.userId ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/workspaces/:workspaceId/alert-deliveries/:deliveryId/retry',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Send a dead delivery again, with a fresh set of attempts',
        params: z.strictObject({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await service.retryDelivery(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.deliveryId,
      );
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/workspaces/:workspaceId/spikes',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Detected spikes in theme, competitor and brand volume, newest first',
        params: workspaceParams,
        querystring: schemas.spikesQuery,
        response: { 200: z.object({ items: z.array(schemas.spikeSchema) }), ...errorReplies },
      },
    },
    async (request) => {
      const rows = await listSpikes(ctx.db, requireWorkspace(request).workspaceId, request.query);
      return { items: rows.map(service.presentSpike) };
    },
  );
}

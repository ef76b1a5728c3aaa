import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './kudos.schemas.ts';
import * as service from './kudos.service.ts';

const tags = ['kudos'];

/** Viewers read the wall and the report; agents credit praise by hand and remove credit. */
export function kudosRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/workspaces/:workspaceId/feedback/:feedbackId/kudos',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary:
          'Credit a staff person or team for praise in this item; they and their lead are told',
        params: schemas.feedbackParams,
        body: schemas.tagBody,
        response: { 200: schemas.kudosSchema, 201: schemas.kudosSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const { created, kudos } = await service.tagKudos(
        ctx,
        workspaceId,
        request.params.feedbackId,
        request.body,
        request.principal?.userId ?? null,
      );
      return reply.status(created ? 201 : 200).send(kudos);
    },
  );

  api.delete(
    '/workspaces/:workspaceId/feedback/:feedbackId/kudos/:kudosId',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Remove credit given for an item',
        params: schemas.kudosParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { feedbackId, kudosId } = request.params;
      await service.removeKudos(ctx, requireWorkspace(request).workspaceId, feedbackId, kudosId);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/workspaces/:workspaceId/kudos',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Recent praise, newest first, for everyone or one person or team',
        params: workspaceParams,
        querystring: schemas.listQuery,
        response: { 200: z.object({ items: z.array(schemas.kudosSchema) }), ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return { items: await service.listKudos(ctx, workspaceId, request.query, role) };
    },
  );

  api.get(
    '/workspaces/:workspaceId/kudos/wall',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The kudos wall: praise per person and team over 30 and 90 days, latest quotes',
        params: workspaceParams,
        response: { 200: schemas.wallSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return service.kudosWall(ctx, workspaceId, role, new Date());
    },
  );

  api.get(
    '/workspaces/:workspaceId/kudos/report',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Per employee: praise received and loops closed as owner over a period',
        params: workspaceParams,
        querystring: schemas.reportQuery,
        response: { 200: schemas.reportSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.employeeReport(ctx, requireWorkspace(request).workspaceId, {
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      }),
  );
}

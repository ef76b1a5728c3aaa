import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as service from './actions.service.ts';
import { getCase } from './cases.service.ts';
import * as schemas from './cases.schemas.ts';

const tags = ['cases'];
const userOf = (request: FastifyRequest) => request.principal?.userId ?? null;

export function caseActionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/actions',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Actions decided about what customers said, newest first',
        params: workspaceParams,
        querystring: schemas.actionsQuery,
        response: { 200: z.object({ items: z.array(schemas.actionSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.listActions(ctx, requireWorkspace(request).workspaceId, request.query),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/actions',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Record an action (a fix, a policy change, training)',
        params: workspaceParams,
        body: schemas.actionInput,
        response: { 201: schemas.actionSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const action = await service.createAction(
        ctx,
        requireWorkspace(request).workspaceId,
        request.body,
        userOf(request),
        new Date(),
      );
      return reply.status(201).send(action);
    },
  );

  api.patch(
    '/workspaces/:workspaceId/actions/:actionId',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Change an action; `shipped` hands each linked case back to its owner, once',
        params: schemas.actionIdParams,
        body: schemas.actionPatch,
        response: { 200: schemas.actionSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.updateAction(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.actionId,
        request.body,
        userOf(request),
        new Date(),
      ),
  );

  api.delete(
    '/workspaces/:workspaceId/actions/:actionId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete an action (its links to cases go with it)',
        params: schemas.actionIdParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await service.deleteAction(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.actionId,
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/workspaces/:workspaceId/cases/:caseId/actions',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Link the case to an action, so it comes back to its owner when the action ships',
        params: schemas.caseIdParams,
        body: schemas.linkActionInput,
        response: { 200: schemas.caseDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId } = requireWorkspace(request);
      const { caseId } = request.params;
      const now = new Date();
      await service.linkAction(
        ctx,
        workspaceId,
        caseId,
        request.body.actionId,
        userOf(request),
        now,
      );
      return getCase(ctx, workspaceId, caseId, now);
    },
  );

  api.delete(
    '/workspaces/:workspaceId/cases/:caseId/actions/:actionId',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Unlink the case from an action',
        params: schemas.caseActionParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { caseId, actionId } = request.params;
      const { workspaceId } = requireWorkspace(request);
      await service.unlinkAction(ctx, workspaceId, caseId, actionId, userOf(request), new Date());
      return reply.status(204).send(null);
    },
  );
}

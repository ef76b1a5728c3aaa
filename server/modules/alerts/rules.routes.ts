import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './alerts.schemas.ts';
import * as service from './rules.service.ts';

const tags = ['alerts'];
const ruleParams = z.strictObject({ workspaceId: z.uuid(), ruleId: z.uuid() });
const destinationParams = ruleParams.extend({ destinationId: z.uuid() });

export function alertRulesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/alert-rules',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Alert rules with their destinations (URLs and secrets are never shown)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(schemas.ruleSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.listRules(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/alert-rules',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add an alert rule; the secrets of signed webhooks are in this reply only',
        params: workspaceParams,
        body: schemas.ruleInput,
        response: {
          201: z.object({ rule: schemas.ruleSchema, secrets: z.array(schemas.secretSchema) }),
          ...errorReplies,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createRule(
            ctx,
            requireWorkspace(request).workspaceId,
            request.body,
            actorOf(request),
          ),
        ),
  );

  api.patch(
    '/workspaces/:workspaceId/alert-rules/:ruleId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename, enable or disable a rule, or change its conditions',
        params: ruleParams,
        body: schemas.rulePatch,
        response: { 200: schemas.ruleSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.updateRule(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.ruleId,
        request.body,
        actorOf(request),
      ),
  );

  api.delete(
    '/workspaces/:workspaceId/alert-rules/:ruleId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a rule, with its destinations and the alerts it fired',
        params: ruleParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await service.deleteRule(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.ruleId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/workspaces/:workspaceId/alert-rules/:ruleId/destinations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a destination to a rule; a signed webhook’s secret is in this reply only',
        params: ruleParams,
        body: schemas.destinationInput,
        response: {
          201: z.object({ destination: schemas.destinationSchema, secret: z.string().nullable() }),
          ...errorReplies,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addDestination(
            ctx,
            requireWorkspace(request).workspaceId,
            request.params.ruleId,
            request.body,
            actorOf(request),
          ),
        ),
  );

  api.delete(
    '/workspaces/:workspaceId/alert-rules/:ruleId/destinations/:destinationId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a destination from a rule',
        params: destinationParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await service.removeDestination(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.ruleId,
        request.params.destinationId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/workspaces/:workspaceId/alert-rules/:ruleId/test',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Send a sample notification to each destination of a rule now',
        params: ruleParams,
        response: { 200: schemas.testResultSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.sendTest(ctx, requireWorkspace(request).workspaceId, request.params.ruleId),
  );
}

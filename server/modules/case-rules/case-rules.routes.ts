import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './case-rules.schemas.ts';
import * as service from './case-rules.service.ts';

const tags = ['cases'];
const ruleParams = z.strictObject({ workspaceId: z.uuid(), ruleId: z.uuid() });
const ruleList = z.object({ items: z.array(schemas.caseRuleSchema) });

export function caseRulesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/case-rules',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Case rules in the order they are tried',
        params: workspaceParams,
        response: { 200: ruleList, ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.listRules(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/case-rules',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a case rule (last unless a position is given)',
        params: workspaceParams,
        body: schemas.caseRuleInput,
        response: { 201: schemas.caseRuleSchema, ...errorReplies },
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
    '/workspaces/:workspaceId/case-rules/:ruleId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change, enable or disable a case rule',
        params: ruleParams,
        body: schemas.caseRulePatch,
        response: { 200: schemas.caseRuleSchema, ...errorReplies },
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
    '/workspaces/:workspaceId/case-rules/:ruleId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a case rule (its cases stay)',
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

  api.put(
    '/workspaces/:workspaceId/case-rules/order',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Put the case rules in the order to try them (every rule, once)',
        params: workspaceParams,
        body: schemas.reorderInput,
        response: { 200: ruleList, ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.reorderRules(
        ctx,
        requireWorkspace(request).workspaceId,
        request.body.ruleIds,
        actorOf(request),
      ),
    }),
  );

  api.get(
    '/workspaces/:workspaceId/case-rules/preview',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Which rule would route a feedback item, and why the rules before it did not',
        params: workspaceParams,
        querystring: schemas.previewQuery,
        response: { 200: schemas.previewSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.previewRouting(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query.feedbackId,
        new Date(),
      ),
  );
}

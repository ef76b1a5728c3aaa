import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorBodySchema, errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './replies.schemas.ts';
import * as service from './replies.service.ts';
import * as snippets from './snippets.service.ts';

const tags = ['replies'];
const replies = { ...errorReplies, 422: errorBodySchema };

export function repliesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/cases/:caseId/composer',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'What the reply composer shows: the customer’s words, history, replies, snippets',
        params: schemas.caseParams,
        response: { 200: schemas.composerSchema, ...replies },
      },
    },
    async (request) =>
      service.composerContext(ctx, requireWorkspace(request).workspaceId, request.params.caseId),
  );

  api.post(
    '/workspaces/:workspaceId/cases/:caseId/replies/check',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Whether a draft reads like a stock reply already sent to other contacts',
        params: schemas.caseParams,
        body: schemas.checkReplyInput,
        response: { 200: schemas.stockCheckSchema, ...replies },
      },
    },
    async (request) =>
      service.checkReply(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.caseId,
        request.body.body,
      ),
  );

  api.post(
    '/workspaces/:workspaceId/cases/:caseId/replies',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Send a personal reply to the case’s contact, threaded, once per idempotency key',
        params: schemas.caseParams,
        body: schemas.sendReplyInput,
        response: { 200: schemas.sentReplySchema, 201: schemas.sentReplySchema, ...replies },
      },
    },
    async (request, reply) => {
      const sent = await service.sendReply(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.caseId,
        request.body,
        request.principal?.userId ?? null,
      );
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    },
  );

  api.post(
    '/workspaces/:workspaceId/cases/:caseId/invite-review',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Invite the case’s contact to future product reviews (consent applies)',
        params: schemas.caseParams,
        body: schemas.inviteReviewInput,
        response: { 200: schemas.sentReplySchema, 201: schemas.sentReplySchema, ...replies },
      },
    },
    async (request, reply) => {
      const sent = await service.inviteToReview(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.caseId,
        request.body,
        request.principal?.userId ?? null,
      );
      return reply.status(sent.duplicate ? 200 : 201).send(sent);
    },
  );

  api.get(
    '/workspaces/:workspaceId/reply-snippets',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Reply snippets, by name (placeholders unfilled)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(schemas.snippetSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await snippets.listSnippets(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/reply-snippets',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Add a reply snippet; {{first_name}}, {{name}} and {{email}} are filled per contact',
        params: workspaceParams,
        body: schemas.snippetInput,
        response: { 201: schemas.snippetSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const created = await snippets.createSnippet(
        ctx,
        requireWorkspace(request).workspaceId,
        request.body,
        request.principal?.userId ?? null,
      );
      return reply.status(201).send(created);
    },
  );

  api.patch(
    '/workspaces/:workspaceId/reply-snippets/:snippetId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename or rewrite a reply snippet',
        params: schemas.snippetParams,
        body: schemas.snippetPatch,
        response: { 200: schemas.snippetSchema, ...errorReplies },
      },
    },
    async (request) =>
      snippets.updateSnippet(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.snippetId,
        request.body,
      ),
  );

  api.delete(
    '/workspaces/:workspaceId/reply-snippets/:snippetId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a reply snippet',
        params: schemas.snippetParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await snippets.deleteSnippet(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.snippetId,
      );
      return reply.status(204).send(null);
    },
  );
}

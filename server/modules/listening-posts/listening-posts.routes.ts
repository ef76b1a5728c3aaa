import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './listening-posts.schemas.ts';
import * as service from './listening-posts.service.ts';

const tags = ['listening posts'];
const touchpointParams = z.strictObject({ workspaceId: z.uuid(), touchpointId: z.uuid() });
const postParams = z.strictObject({ workspaceId: z.uuid(), postId: z.uuid() });

export function listeningPostsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/touchpoints',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The moments of the customer journey',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(schemas.touchpointSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.listTouchpoints(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/touchpoints',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a touchpoint',
        params: workspaceParams,
        body: schemas.touchpointInput,
        response: { 201: schemas.touchpointSchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createTouchpoint(ctx, requireWorkspace(request).workspaceId, request.body),
        ),
  );

  api.patch(
    '/workspaces/:workspaceId/touchpoints/:touchpointId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename or describe a touchpoint',
        params: touchpointParams,
        body: schemas.touchpointPatch,
        response: { 200: schemas.touchpointSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.updateTouchpoint(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.touchpointId,
        request.body,
      ),
  );

  api.get(
    '/workspaces/:workspaceId/listening-posts',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Listening posts with status, last error and 30-day volume',
        params: workspaceParams,
        response: {
          200: z.object({ items: z.array(schemas.listeningPostSchema) }),
          ...errorReplies,
        },
      },
    },
    async (request) => ({
      items: await service.listPosts(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/listening-posts',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a listening post',
        params: workspaceParams,
        body: schemas.listeningPostInput,
        response: { 201: schemas.listeningPostSchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPost(ctx, requireWorkspace(request).workspaceId, request.body)),
  );

  api.post(
    '/workspaces/:workspaceId/listening-posts/:postId/signing-secret',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Make a new signing secret for signed deliveries (call transcripts); shown only in this reply',
        params: postParams,
        response: { 201: z.object({ signingSecret: z.string() }), ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.rotateSigningSecret(
            ctx,
            requireWorkspace(request).workspaceId,
            request.params.postId,
          ),
        ),
  );

  api.patch(
    '/workspaces/:workspaceId/listening-posts/:postId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename, move, pause or resume a listening post',
        params: postParams,
        body: schemas.listeningPostPatch,
        response: { 200: schemas.listeningPostSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.updatePost(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.postId,
        request.body,
      ),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf, publicRateLimit, setSessionCookie } from '../../http/route-helpers.ts';
import {
  emailSchema,
  errorReplies,
  nameSchema,
  noContent,
  passwordSchema,
  roleSchema,
  workspaceParams,
} from '../../http/schemas.ts';
import { meSchema, tokenParams } from '../auth/auth.schemas.ts';
import { describeMe } from '../auth/me.ts';
import * as invitations from './invitations.service.ts';

const tags = ['members'];
const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    createdAt: z.date(),
    expiresAt: z.date(),
    acceptedAt: z.date().nullable(),
  })
  .meta({ id: 'Invitation' });

export function invitationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Open invitations',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await invitations.listInvitations(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Invite someone by email; returns the link to send them',
        params: workspaceParams,
        body: z.strictObject({ email: emailSchema, role: roleSchema }),
        response: {
          201: z.object({ invitation: invitationSchema, link: z.url() }),
          ...errorReplies,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId, role } = requireWorkspace(request);
      return reply
        .status(201)
        .send(
          await invitations.inviteMember(ctx, workspaceId, request.body, actorOf(request), role),
        );
    },
  );

  api.delete(
    '/workspaces/:workspaceId/invitations/:invitationId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Revoke an open invitation',
        params: z.strictObject({ workspaceId: z.uuid(), invitationId: z.uuid() }),
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await invitations.revokeInvitation(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.invitationId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/invitations/:token',
    {
      config: {
        access: 'public',
        rateLimit: publicRateLimit(ctx, ctx.config.SIGNIN_RATE_LIMIT_PER_MINUTE),
      },
      schema: {
        tags,
        summary: 'What an invitation link offers',
        params: tokenParams,
        response: {
          200: z.object({
            workspaceName: z.string(),
            email: z.string(),
            role: roleSchema,
            hasAccount: z.boolean(),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => invitations.inspectInvitation(ctx, request.params.token),
  );

  api.post(
    '/invitations/accept',
    {
      config: {
        access: 'public',
        rateLimit: publicRateLimit(ctx, ctx.config.SIGNIN_RATE_LIMIT_PER_MINUTE),
      },
      schema: {
        tags,
        summary:
          'Accept an invitation: signed in as the invited address, or as a new person with name and password',
        body: z.strictObject({
          token: z.string().min(10).max(200),
          name: nameSchema.optional(),
          password: passwordSchema.optional(),
        }),
        response: { 200: meSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const result = await invitations.acceptInvitation(
        ctx,
        request.body.token,
        {
          signedInUserId: principal?.userId ?? null,
          name: request.body.name,
          password: request.body.password,
        },
        request.ip,
      );
      if (result.session) setSessionCookie(ctx, reply, result.session);
      const csrfToken = result.session?.csrfToken ?? principal?.csrfToken ?? null;
      return describeMe(ctx, { userId: result.userId, apiKey: null, csrfToken });
    },
  );
}

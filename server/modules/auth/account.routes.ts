import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUserId } from '../../http/access.ts';
import { actorOf, clearSessionCookie } from '../../http/route-helpers.ts';
import { errorReplies, noContent, roleSchema } from '../../http/schemas.ts';
import { deleteMyAccount, exportMyData } from './account.service.ts';

const tags = ['personal data'];
const myDataSchema = z
  .object({
    exportedAt: z.date(),
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      createdAt: z.date(),
      lastSignInAt: z.date().nullable(),
    }),
    memberships: z.array(
      z.object({
        workspaceId: z.uuid(),
        workspaceName: z.string(),
        role: roleSchema,
        since: z.date(),
      }),
    ),
    actions: z.array(
      z.object({
        workspaceId: z.uuid(),
        at: z.date(),
        action: z.string(),
        ip: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'MyData' });

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/me/personal-data',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Export everything held about me',
        response: { 200: myDataSchema, ...errorReplies },
      },
    },
    async (request) => exportMyData(ctx, { ...actorOf(request), userId: requireUserId(request) }),
  );

  api.delete(
    '/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete my account (not while I am the only owner of a workspace)',
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await deleteMyAccount(ctx, { ...actorOf(request), userId: requireUserId(request) });
      clearSessionCookie(ctx, reply);
      return reply.status(204).send(null);
    },
  );
}

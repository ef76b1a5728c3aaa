import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { auditPage } from './audit.service.ts';

const entrySchema = z
  .object({
    id: z.number(),
    at: z.date(),
    action: z.string(),
    actorName: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/workspaces/:workspaceId/audit-log',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Sign-ins, role changes, keys and exports, newest first',
        params: workspaceParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({ items: z.array(entrySchema), nextBefore: z.number().nullable() }),
          ...errorReplies,
        },
      },
    },
    async (request) =>
      auditPage(
        ctx.db,
        requireWorkspace(request).workspaceId,
        request.query.limit,
        request.query.before,
      ),
  );
}

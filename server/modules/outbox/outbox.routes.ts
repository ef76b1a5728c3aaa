import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { OUTBOX_STATES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { listOutbox } from './outbox.service.ts';

const messageSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    state: z.enum(OUTBOX_STATES),
    attempts: z.number(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export function outboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/workspaces/:workspaceId/outbox',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['outbox'],
        summary: 'Email Hearken sent or holds: state local (no SMTP_URL), queued, sent or failed',
        params: workspaceParams,
        querystring: z.strictObject({
          state: z.enum(OUTBOX_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.object({ items: z.array(messageSchema) }), ...errorReplies },
      },
    },
    async (request) => {
      const rows = await listOutbox(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query.limit,
        request.query.state,
      );
      return {
        items: rows.map(({ dedupKey: _key, ...row }) => ({
          ...row,
          createdAt: new Date(row.createdAt).toISOString(),
          sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
        })),
      };
    },
  );
}

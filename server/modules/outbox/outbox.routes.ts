import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { MESSAGE_PURPOSES, OUTBOX_STATES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import type { MessageRow } from './outbox.repository.ts';
import { listOutbox, retryMessage } from './outbox.service.ts';

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);
function present({
  dedupKey: _key,
  inReplyTo: _i,
  references: _r,
  sendingAt: _s,
  ...row
}: MessageRow) {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: iso(row.sentAt),
    holdUntil: iso(row.holdUntil),
  };
}

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
    purpose: z.enum(MESSAGE_PURPOSES),
    contactId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    messageId: z.string().nullable(),
    stateReason: z.string().nullable(),
    holdUntil: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export function outboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/workspaces/:workspaceId/outbox',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['outbox'],
        summary:
          'Email Hearken sent or holds: local (no SMTP_URL), queued, sending, sent, failed, held, blocked, bounced',
        params: workspaceParams,
        querystring: z.strictObject({
          state: z.enum(OUTBOX_STATES).optional(),
          purpose: z.enum(MESSAGE_PURPOSES).optional(),
          to: z.string().trim().min(1).max(320).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.object({ items: z.array(messageSchema) }), ...errorReplies },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      const rows = await listOutbox(ctx, requireWorkspace(request).workspaceId, limit, filter);
      return { items: rows.map(present) };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/workspaces/:workspaceId/outbox/:messageId/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['outbox'],
        summary: 'Send a failed message again, with a fresh set of attempts',
        params: workspaceParams.extend({ messageId: z.uuid() }),
        response: { 200: messageSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId } = requireWorkspace(request);
      return present(await retryMessage(ctx, workspaceId, request.params.messageId));
    },
  );
}

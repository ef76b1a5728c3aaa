import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies } from '../../http/schemas.ts';
import { imapSettingsSchema } from './email-settings.ts';
import * as service from './email-in.service.ts';

const tags = ['listening posts'];
const postParams = z.strictObject({ workspaceId: z.uuid(), postId: z.uuid() });
const mailboxSchema = z.object({
  addresses: z.array(z.string()),
  smtp: z.boolean(),
  maxMessageBytes: z.number(),
  maxAttachmentBytes: z.number(),
  imap: imapSettingsSchema.extend({ passwordSet: z.boolean() }).nullable(),
});

/** An email post's mailbox: where to send mail, and the IMAP password (write-only). */
export function emailInRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/listening-posts/:postId/mailbox',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Where to send mail for an email listening post, its limits and IMAP polling',
        params: postParams,
        response: { 200: mailboxSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.describeMailbox(ctx, requireWorkspace(request).workspaceId, request.params.postId),
  );

  api.put(
    '/workspaces/:workspaceId/listening-posts/:postId/imap-password',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Set (or, with null, remove) the IMAP password of an email post; it is never shown again',
        params: postParams,
        body: z.strictObject({ password: z.string().min(1).max(1000).nullable() }),
        response: { 200: mailboxSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.setImapPassword(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.postId,
        request.body.password,
      ),
  );
}

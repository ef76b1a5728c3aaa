import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ACCOUNT_TIERS, CHANNELS, CONTACT_LEVELS, SCORE_TYPES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies } from '../../http/schemas.ts';
import {
  eraseContactData,
  exportContactData,
  mergeContact,
  updateAccount,
} from './contacts.service.ts';

const tags = ['personal data'];
const contactParams = z.strictObject({ workspaceId: z.uuid(), contactId: z.uuid() });

const contactExportSchema = z
  .object({
    exportedAt: z.date(),
    contact: z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      level: z.enum(CONTACT_LEVELS).nullable(),
      createdAt: z.date(),
      accountId: z.uuid().nullable(),
      accountName: z.string().nullable(),
    }),
    feedback: z.array(
      z.object({
        id: z.uuid(),
        channel: z.enum(CHANNELS),
        scoreType: z.enum(SCORE_TYPES).nullable(),
        score: z.number().nullable(),
        text: z.string(),
        metadata: z.record(z.string(), z.unknown()),
        receivedAt: z.date(),
      }),
    ),
  })
  .meta({ id: 'ContactExport' });

export function contactsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/workspaces/:workspaceId/contacts/:contactId/merge',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['contacts'],
        summary:
          'Merge this contact into another: feedback moves, identities are kept, this contact goes',
        params: contactParams,
        body: z.strictObject({ intoContactId: z.uuid() }),
        response: {
          200: z.object({ contact: contactExportSchema.shape.contact, movedFeedback: z.number() }),
          ...errorReplies,
        },
      },
    },
    async (request) =>
      mergeContact(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.contactId,
        request.body.intoContactId,
        actorOf(request),
      ),
  );

  api.get(
    '/workspaces/:workspaceId/contacts/:contactId/personal-data',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Export everything held about one customer (subject access request)',
        params: contactParams,
        response: { 200: contactExportSchema, ...errorReplies },
      },
    },
    async (request) =>
      exportContactData(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.contactId,
        actorOf(request),
      ),
  );

  api.delete(
    '/workspaces/:workspaceId/contacts/:contactId/personal-data',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Erase a customer: delete the contact and strip their words from their feedback',
        params: contactParams,
        response: { 200: z.object({ anonymisedFeedback: z.number() }), ...errorReplies },
      },
    },
    async (request) =>
      eraseContactData(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.contactId,
        actorOf(request),
      ),
  );

  api.patch(
    '/workspaces/:workspaceId/accounts/:accountId',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['contacts'],
        summary: "Set an account's owner (case rules can give them its cases) or tier",
        params: z.strictObject({ workspaceId: z.uuid(), accountId: z.uuid() }),
        body: z
          .strictObject({
            ownerId: z.uuid().nullable().optional().describe('a member of the workspace'),
            tier: z.enum(ACCOUNT_TIERS).optional(),
          })
          .refine((body) => body.ownerId !== undefined || body.tier !== undefined, 'give a field'),
        response: {
          200: z.object({
            id: z.uuid(),
            name: z.string(),
            tier: z.enum(ACCOUNT_TIERS),
            ownerId: z.uuid().nullable(),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) =>
      updateAccount(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.accountId,
        request.body,
        actorOf(request),
      ),
  );
}

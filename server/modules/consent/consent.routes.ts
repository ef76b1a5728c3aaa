import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CONSENT_PURPOSES, CONSENT_SOURCES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { contactConsent, listSuppressions, recordConsent } from './consent.service.ts';

const tags = ['consent'];
const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);
const contactParams = workspaceParams.extend({ contactId: z.uuid() });

const consentRow = z
  .object({
    id: z.number(),
    purpose: z.enum(CONSENT_PURPOSES),
    channel: z.literal('email'),
    granted: z.boolean(),
    source: z.enum(CONSENT_SOURCES),
    sourceRef: z.string().nullable(),
    recordedBy: z.uuid().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'ConsentDecision' });

function present<T extends { recordedAt: string | Date; contactId?: string }>(row: T) {
  const { contactId: _c, ...rest } = row;
  return { ...rest, recordedAt: new Date(row.recordedAt).toISOString() };
}

/** Staff-side consent: what a contact agreed to, and recording a decision (staff or API key). */
export function consentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/contacts/:contactId/consents',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'A contact’s consent: in force per purpose, and every decision (newest first)',
        params: contactParams,
        response: {
          200: z.object({
            current: z.array(
              z.object({
                purpose: z.enum(CONSENT_PURPOSES),
                granted: z.boolean().nullable(),
                source: z.enum(CONSENT_SOURCES).nullable(),
                recordedAt: z.string().nullable(),
              }),
            ),
            history: z.array(consentRow),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => {
      const { workspaceId } = requireWorkspace(request);
      const result = await contactConsent(ctx, workspaceId, request.params.contactId);
      return {
        current: result.current.map((c) => ({ ...c, recordedAt: iso(c.recordedAt) })),
        history: result.history.map(present),
      };
    },
  );

  api.post(
    '/workspaces/:workspaceId/contacts/:contactId/consents',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Record a consent decision (source staff, or api with an API key)',
        params: contactParams,
        body: z.strictObject({
          purpose: z.enum(CONSENT_PURPOSES),
          granted: z.boolean(),
          sourceRef: z.string().trim().min(1).max(200).nullable().optional(),
        }),
        response: { 201: consentRow, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const actor = actorOf(request);
      const row = await recordConsent(ctx, workspaceId, request.params.contactId, request.body, {
        userId: actor.userId,
        viaApiKey: actor.apiKeyId !== null,
      });
      return reply.status(201).send(present(row));
    },
  );

  api.get(
    '/workspaces/:workspaceId/email-suppressions',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Addresses no mail goes to: hard bounces, complaints, one-click unsubscribes',
        params: workspaceParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                address: z.string(),
                reason: z.string(),
                detail: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => {
      const { workspaceId } = requireWorkspace(request);
      const rows = await listSuppressions(ctx, workspaceId, request.query.limit);
      return { items: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CHANNELS, RAW_ITEM_STATES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { ingestBodySchema, ingestHeadersSchema, ingestReplySchema } from './ingest.schemas.ts';
import { listRawItems, receiveFeedback, retryRawItem } from './ingest.service.ts';

const tags = ['feedback'];
/** A full batch of 1,000 items with long texts needs more than the default body limit. */
const INGEST_BODY_LIMIT = 16 * 1024 * 1024;

const ingestSchema = {
  tags,
  summary: 'Send feedback: one item, or { items: [...] } with up to 1,000',
  description:
    'Every item is stored exactly as sent before anything else happens, then normalised in the background ' +
    '(contact, account, touchpoint). Send an `Idempotency-Key` header to make retries safe; without one, ' +
    'an item with the same `externalId`, or else the same content, counts as a duplicate. A batch is stored ' +
    'whole or not at all.',
  headers: ingestHeadersSchema,
  body: ingestBodySchema,
  response: { 202: ingestReplySchema, ...errorReplies },
};

const rawItemSchema = z
  .object({
    id: z.number(),
    postId: z.uuid().nullable(),
    channel: z.enum(CHANNELS),
    dedupKey: z.string(),
    payload: z.unknown(),
    receivedAt: z.date(),
    state: z.enum(RAW_ITEM_STATES),
    attempts: z.number(),
    lastError: z.string().nullable(),
    feedbackId: z.uuid().nullable(),
  })
  .meta({ id: 'RawItem' });

export function ingestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ingest = (
    workspaceId: string,
    body: z.infer<typeof ingestBodySchema>,
    idempotencyKey: string | undefined,
  ) => receiveFeedback(ctx, workspaceId, body.items, idempotencyKey);

  api.post(
    '/feedback',
    {
      config: { access: 'agent' },
      bodyLimit: INGEST_BODY_LIMIT,
      schema: { ...ingestSchema, summary: `${ingestSchema.summary} (the API key’s workspace)` },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await ingest(
            requireWorkspace(request).workspaceId,
            request.body,
            request.headers['idempotency-key'],
          ),
        ),
  );

  api.post(
    '/workspaces/:workspaceId/feedback',
    {
      config: { access: 'agent' },
      bodyLimit: INGEST_BODY_LIMIT,
      schema: { ...ingestSchema, params: workspaceParams },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await ingest(
            requireWorkspace(request).workspaceId,
            request.body,
            request.headers['idempotency-key'],
          ),
        ),
  );

  api.get(
    '/workspaces/:workspaceId/raw-items',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Raw items as received; state=dead lists those that could not be processed, with the reason',
        params: workspaceParams,
        querystring: z.strictObject({
          state: z.enum(RAW_ITEM_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(rawItemSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await listRawItems(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query.state,
        request.query.limit,
      ),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/raw-items/:rawItemId/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Process a dead raw item again',
        params: z.strictObject({
          workspaceId: z.uuid(),
          rawItemId: z.coerce
            .number()
            .int()
            .min(1)
            .max(2 ** 53),
        }),
        response: { 202: z.object({ queued: z.literal(true) }), ...errorReplies },
      },
    },
    async (request, reply) => {
      await retryRawItem(ctx, requireWorkspace(request).workspaceId, request.params.rawItemId);
      return reply.status(202).send({ queued: true as const });
    },
  );
}

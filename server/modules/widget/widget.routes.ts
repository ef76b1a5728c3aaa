import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { publicRateLimit } from '../../http/route-helpers.ts';
import { errorReplies } from '../../http/schemas.ts';
import { createWindowLimit } from './post-rate-limit.ts';
import * as schemas from './widget.schemas.ts';
import { findWidgetPost, originAllowed, receiveWidgetResponse } from './widget.service.ts';
import { widgetConfig, type WidgetPost } from './widget.service.ts';

const tags = ['widget'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The post each widget request addresses, found once by the CORS check and reused by the handler. */
const postOf = new WeakMap<FastifyRequest, WidgetPost>();

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== '' ? origin : undefined;
}

/**
 * CORS decided per post: a page from an allowed origin (any, when the post lists none) gets the
 * CORS headers; any other origin gets 403 and no headers, so nothing is stored from it either.
 * Credentials are never allowed, and these routes set no cookies.
 */
async function checkOrigin(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const { postId } = request.params as { postId?: string };
  if (!postId || !UUID.test(postId)) return; // params validation answers 400 next
  const post = await findWidgetPost(ctx, postId);
  const origin = originOf(request);
  void reply.header('vary', 'Origin');
  if (!originAllowed(post, origin))
    throw errors.forbidden('This site is not among the widget’s allowed origins.');
  postOf.set(request, post);
  if (origin)
    void reply.header(
      'access-control-allow-origin',
      post.settings.allowedOrigins.length === 0 ? '*' : origin,
    );
}

async function postFor(ctx: AppContext, request: FastifyRequest & { params: { postId: string } }) {
  return postOf.get(request) ?? findWidgetPost(ctx, request.params.postId);
}

/** The embeddable widget's public endpoints; nothing here is scoped by a session or API key. */
export function widgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const perPost = createWindowLimit(ctx.config.WIDGET_POST_RATE_LIMIT_PER_MINUTE, 60_000);
  void app.register(async (scope) => {
    scope.addHook('preValidation', (request, reply) => checkOrigin(ctx, request, reply));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    for (const path of ['/widget/:postId/config', '/widget/:postId/responses']) {
      api.options(
        path,
        {
          config: { access: 'public', rateLimit: publicRateLimit(ctx) },
          schema: {
            tags,
            summary: 'CORS preflight for the widget (answers only the post’s allowed origins)',
            params: schemas.widgetParams,
            response: { 204: z.null(), ...errorReplies },
          },
        },
        async (_request, reply) =>
          reply
            .header('access-control-allow-methods', 'GET, POST')
            .header('access-control-allow-headers', 'content-type')
            .header('access-control-max-age', '600')
            .status(204)
            .send(null),
      );
    }

    api.get(
      '/widget/:postId/config',
      {
        config: { access: 'public', rateLimit: publicRateLimit(ctx) },
        schema: {
          tags,
          summary: 'What the embedded widget asks and how it looks',
          description: 'Answers 409 while the post is paused, so the widget stays hidden.',
          params: schemas.widgetParams,
          response: { 200: schemas.widgetConfigSchema, ...errorReplies },
        },
      },
      async (request, reply) => {
        const config = widgetConfig(await postFor(ctx, request));
        // Every page view asks for this: a minute of caching spares the server without delaying edits much.
        return reply.header('cache-control', 'public, max-age=60').send(config);
      },
    );

    api.post(
      '/widget/:postId/responses',
      {
        config: {
          access: 'public',
          rateLimit: publicRateLimit(ctx, ctx.config.WIDGET_RATE_LIMIT_PER_MINUTE),
        },
        // Besides the per-address limit, one post takes at most so many responses a minute in all.
        onRequest: async (request) => perPost.hit((request.params as { postId: string }).postId),
        schema: {
          tags,
          summary: 'Record a visitor’s answer or follow-up from the embedded widget',
          description:
            'Send `step: "answer"` with the score as soon as it is picked, then `step: "followup"` ' +
            'with the text and the score again, both with the same client-made `responseId`. ' +
            'They make one feedback item; resending a step is acknowledged and stores nothing.',
          params: schemas.widgetParams,
          body: schemas.widgetResponseSchema,
          response: { 202: schemas.widgetReceiptSchema, ...errorReplies },
        },
      },
      async (request, reply) => {
        const post = await postFor(ctx, request);
        const referer = request.headers.referer;
        const result = await receiveWidgetResponse(ctx, post, {
          body: request.body,
          origin: originOf(request) ?? (referer ? safeOrigin(referer) : undefined),
          userAgent: request.headers['user-agent'],
        });
        return reply.status(202).send(result);
      },
    );
  });
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

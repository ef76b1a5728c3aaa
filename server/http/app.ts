import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errors } from '../errors.ts';
import { registerAccessControl, type ApiRoute } from './authenticate.ts';
import { errorHandler, toErrorBody } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { registerApiRoutes } from './routes.ts';
import { registerWeb } from './web.ts';
import { surveyPages } from '../modules/surveys/hosted.routes.ts';
import { consentPages } from '../modules/consent/consent.pages.ts';

export interface AppOptions {
  /** Serve the built dashboard from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Answers /readyz: false until migrations ran and roles started. */
  isReady?: () => boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access, filled as routes register. */
    apiRoutes: ApiRoute[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(
  ctx: AppContext,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: ctx.config.TRUST_PROXY,
    // Keep a caller's request id when it looks sane, so logs can be joined across services.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only; other content types get a clear 415 rather than a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => errors.rateLimited(Math.ceil(context.ttl / 1000)),
  });
  const apiRoutes = registerAccessControl(app, ctx);
  app.decorate('apiRoutes', apiRoutes);
  await registerOpenApi(app);

  app.get('/healthz', { config: {} }, async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = options.isReady?.() ?? true;
    if (!ready) return reply.status(503).send({ status: 'starting' });
    await ctx.db.execute('select 1');
    return { status: 'ready', engine: ctx.engine };
  });

  await app.register(
    (api, _opts, done) => {
      registerApiRoutes(api, ctx);
      done();
    },
    { prefix: '/api/v1' },
  );

  surveyPages(app, ctx);
  consentPages(app, ctx);
  if (options.serveWeb) await registerWeb(app);
  app.setNotFoundHandler(async (request, reply) => {
    if (options.serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        toErrorBody(errors.notFound('route', `${request.method} ${request.url.split('?')[0]}`)),
      );
  });
  return app;
}

import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI generated from the routes' Zod schemas, browsable at /api/docs (JSON at /api/docs/json). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hearken API',
        version: '1',
        description:
          'Closed-loop customer listening. Authenticate with a session cookie (dashboard) or ' +
          '`Authorization: Bearer <API key>`. Cookie-authenticated writes must send `X-CSRF-Token`. ' +
          'Errors are `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key created in Settings → API keys',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'hearken_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

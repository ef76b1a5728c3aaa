import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { webhookRateLimit } from '../../http/route-helpers.ts';
import { errorReplies } from '../../http/schemas.ts';
import { receiveTranscript } from './calls.service.ts';

const MAX_TRANSCRIPT_BODY = 1024 * 1024;

/**
 * The transcript webhook. Its body parsers keep the exact bytes, because the signature is over
 * them; they are registered in this plugin only, so the rest of the API stays JSON-only.
 */
export function callsRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      hooks.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: MAX_TRANSCRIPT_BODY },
        (_request, body, done) => done(null, body),
      );
    }
    hooks.withTypeProvider<ZodTypeProvider>().post(
      '/hooks/calls/:workspaceId/:postId',
      {
        config: { access: 'public', rateLimit: webhookRateLimit(ctx) },
        schema: {
          tags: ['listening posts'],
          summary:
            'Receive a call or voicemail transcript (JSON or form-encoded), signed with the post’s secret',
          description:
            'Sign the exact body: `X-Hearken-Signature: sha256=<hex HMAC-SHA256 of the body with the signing secret>`. ' +
            'JSON: `{ callId, kind?: "call"|"voicemail", from?, to?, transcript, startedAt?, durationSeconds?, recordingUrl?, contact?: { email?, name? } }`. ' +
            'Form-encoded: `CallSid`, `TranscriptionText`, `From`, `To`, `RecordingUrl`. A call id received before is acknowledged and not stored twice.',
          params: z.strictObject({ workspaceId: z.uuid(), postId: z.uuid() }),
          headers: z.object({ 'x-hearken-signature': z.string().max(200).optional() }),
          response: {
            202: z.object({ accepted: z.number(), duplicate: z.boolean() }),
            ...errorReplies,
          },
        },
      },
      async (request, reply) => {
        const form = (request.headers['content-type'] ?? '').startsWith(
          'application/x-www-form-urlencoded',
        );
        const result = await receiveTranscript(ctx, {
          workspaceId: request.params.workspaceId,
          postId: request.params.postId,
          rawBody: String(request.body),
          contentType: form ? 'form' : 'json',
          signature: request.headers['x-hearken-signature'],
        });
        return reply.status(202).send(result);
      },
    );
  });
}

import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import { findPost, markPostsReceived } from '../listening-posts/listening-posts.service.ts';
import {
  transcriptFormSchema,
  transcriptJsonSchema,
  verifySignature,
  type TranscriptPayload,
} from './transcript.ts';

export interface TranscriptDelivery {
  workspaceId: string;
  postId: string;
  rawBody: string;
  contentType: 'json' | 'form';
  signature: string | undefined;
}

function parseBody(delivery: TranscriptDelivery): TranscriptPayload {
  if (delivery.contentType === 'form') {
    const parsed = transcriptFormSchema.safeParse(
      Object.fromEntries(new URLSearchParams(delivery.rawBody)),
    );
    if (!parsed.success)
      throw errors.invalid(
        'Not a transcript.',
        parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
      );
    return { format: 'form', body: parsed.data };
  }
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    throw errors.invalid('The body is not valid JSON.');
  }
  const parsed = transcriptJsonSchema.safeParse(json);
  if (!parsed.success)
    throw errors.invalid(
      'Not a transcript.',
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  return { format: 'json', body: parsed.data };
}

/**
 * A call or voicemail transcript posted by a telephony provider. The signature is checked before
 * anything is read or stored; the transcript is then stored raw (a re-delivered call id adds
 * nothing) and normalised in the background.
 */
export async function receiveTranscript(ctx: AppContext, delivery: TranscriptDelivery) {
  const post = await findPost(ctx, delivery.workspaceId, delivery.postId);
  const secret = post?.kind === 'call' ? post.config.signingSecret : undefined;
  if (!post || typeof secret !== 'string')
    throw errors.notFound('call listening post', delivery.postId);
  if (!verifySignature(secret, delivery.rawBody, delivery.signature)) {
    throw errors.unauthenticated('Missing or wrong X-Hearken-Signature for this listening post.');
  }
  if (post.status === 'paused')
    throw errors.conflict('This listening post is paused: it accepts nothing until it is resumed.');
  const payload = parseBody(delivery);
  const callId = payload.format === 'json' ? payload.body.callId : payload.body.CallSid;
  const stored = await receiveRawItems(ctx.db, delivery.workspaceId, 'call', [
    { dedupKey: `call:${callId}`, payload, postId: post.id },
  ]);
  if (stored.length > 0) ctx.jobs.notify();
  await markPostsReceived(ctx, delivery.workspaceId, [post.id]);
  return { accepted: stored.length, duplicate: stored.length === 0 };
}

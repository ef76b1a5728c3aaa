import { z } from 'zod';
import type { Channel } from '../../db/schema/index.ts';
import { readTranscript, transcriptFormSchema, transcriptJsonSchema } from '../calls/transcript.ts';
import type { IdentityInput } from '../identity/identity.service.ts';
import { feedbackItemSchema } from './ingest.schemas.ts';
import type { PendingRawItem } from './ingest.repository.ts';

export interface NormalisedItem extends IdentityInput {
  channel: Channel;
  touchpointId: string | null;
  scoreType: string | null;
  score: number | null;
  text: string;
  receivedAt: string;
}

/**
 * Turns what a listening post received into the fields of a feedback item. Pure: no database.
 * Throws with a readable reason when the raw item cannot be understood (it is then retried and,
 * failing that, dead-lettered with this reason).
 */
export function normaliseRawItem(raw: PendingRawItem): NormalisedItem {
  return raw.channel === 'call' ? normaliseTranscript(raw) : normaliseApiItem(raw);
}

const storedTranscriptSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), body: transcriptJsonSchema }),
  z.object({ format: z.literal('form'), body: transcriptFormSchema }),
]);

function reasonsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
    .join('; ');
}

function normaliseTranscript(raw: PendingRawItem): NormalisedItem {
  const parsed = storedTranscriptSchema.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a call transcript: ${reasonsOf(parsed.error)}`);
  const call = readTranscript(parsed.data);
  return {
    channel: 'call',
    touchpointId: raw.postTouchpointId,
    scoreType: null,
    score: null,
    text: call.text,
    receivedAt: call.startedAt ?? new Date(raw.receivedAt).toISOString(),
    contact: { phone: call.phone, email: call.contact?.email, name: call.contact?.name },
  };
}

function normaliseApiItem(raw: PendingRawItem): NormalisedItem {
  const parsed = feedbackItemSchema.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a feedback item: ${reasonsOf(parsed.error)}`);
  const item = parsed.data;
  return {
    channel: item.channel ?? raw.channel,
    touchpointId: item.touchpointId ?? raw.postTouchpointId,
    scoreType: item.score?.type ?? null,
    score: item.score?.value ?? null,
    text: item.text,
    receivedAt: item.receivedAt ?? new Date(raw.receivedAt).toISOString(),
    contact: item.contact,
    account: item.account,
  };
}

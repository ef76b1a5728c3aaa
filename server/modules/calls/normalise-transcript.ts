import { z } from 'zod';
import type { Normaliser } from '../ingest/normalise.ts';
import { reasonsOf } from '../ingest/normalise.ts';
import { readTranscript, transcriptFormSchema, transcriptJsonSchema } from './transcript.ts';

const storedTranscriptSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), body: transcriptJsonSchema }),
  z.object({ format: z.literal('form'), body: transcriptFormSchema }),
]);

/** A call or voicemail transcript, as stored by the transcript webhook, becomes feedback. */
export const normaliseTranscript: Normaliser = (raw) => {
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
};

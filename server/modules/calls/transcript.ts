import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** `X-Hearken-Signature: sha256=<hex>` over the exact request body, keyed by the post's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const MAX_TRANSCRIPT = 100_000;

/** The documented JSON shape. */
export const transcriptJsonSchema = z.strictObject({
  callId: z.string().min(1).max(200),
  kind: z.enum(['call', 'voicemail']).default('call'),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  transcript: z.string().min(1).max(MAX_TRANSCRIPT),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  recordingUrl: z.url().max(2000).optional(),
  contact: z
    .strictObject({ email: z.email().optional(), name: z.string().max(200).optional() })
    .optional(),
});

/** The form-encoded shape telephony providers post (Twilio-style field names); other fields are kept but ignored. */
export const transcriptFormSchema = z.looseObject({
  CallSid: z.string().min(1).max(200),
  TranscriptionText: z.string().min(1).max(MAX_TRANSCRIPT),
  From: z.string().max(64).optional(),
  To: z.string().max(64).optional(),
  RecordingUrl: z.string().max(2000).optional(),
  TranscriptionStatus: z.string().max(32).optional(),
});

export type TranscriptPayload =
  | { format: 'json'; body: z.infer<typeof transcriptJsonSchema> }
  | { format: 'form'; body: z.infer<typeof transcriptFormSchema> };

/** The fields feedback needs, from either shape. */
export function readTranscript(payload: TranscriptPayload) {
  if (payload.format === 'json') {
    const body = payload.body;
    return {
      callId: body.callId,
      text: body.transcript,
      phone: body.from,
      startedAt: body.startedAt,
      contact: body.contact,
    };
  }
  const body = payload.body;
  return {
    callId: body.CallSid,
    text: body.TranscriptionText,
    phone: body.From,
    startedAt: undefined,
    contact: undefined,
  };
}

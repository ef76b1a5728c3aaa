import type { z } from 'zod';
import type { Channel } from '../../db/schema/index.ts';
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
  /** Channel-specific facts kept with the feedback (feedback.metadata). */
  metadata?: Record<string, unknown>;
  /**
   * Dedup keys of other raw items that describe the same feedback (a widget's score and its
   * follow-up text): whichever is normalised later completes the feedback the earlier one made.
   */
  sameFeedbackAs?: string[];
}

/**
 * Turns one raw item into the fields of a feedback item. Pure: no database. Throws with a
 * readable reason when the raw item cannot be understood (it is then retried and, failing that,
 * dead-lettered with this reason).
 */
export type Normaliser = (raw: PendingRawItem) => NormalisedItem;

export function reasonsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
    .join('; ');
}

/** The public API's item shape, also used by imports and any channel that stores that shape. */
export const normaliseApiItem: Normaliser = (raw) => {
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
    ...(item.metadata ? { metadata: item.metadata } : {}),
  };
};

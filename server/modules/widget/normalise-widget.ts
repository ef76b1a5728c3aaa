import { z } from 'zod';
import type { Normaliser } from '../ingest/normalise.ts';
import { reasonsOf } from '../ingest/normalise.ts';
import { widgetResponseSchema } from './widget.schemas.ts';
import { WIDGET_QUESTION_TYPES } from './widget.settings.ts';

/** How a response step is recognised when sent again (a retry, a double click). */
export function widgetDedupKey(postId: string, responseId: string, step: string): string {
  return `widget:${postId}:${responseId}:${step}`;
}

/** The raw item the widget endpoint stores (see receiveWidgetResponse). */
const storedWidgetResponse = z.object({
  body: widgetResponseSchema,
  asked: z.object({ type: z.enum(WIDGET_QUESTION_TYPES), text: z.string() }),
  origin: z.string().nullable(),
  client: z.object({ browser: z.string(), device: z.string() }),
});

/**
 * A widget response step becomes feedback. The answer and its follow-up share a group, so
 * together they make ONE feedback item whichever is normalised first.
 */
export const normaliseWidgetResponse: Normaliser = (raw) => {
  const parsed = storedWidgetResponse.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a widget response: ${reasonsOf(parsed.error)}`);
  const { body, asked, origin, client } = parsed.data;
  const identity = body.identity;
  return {
    channel: 'widget',
    touchpointId: raw.postTouchpointId,
    scoreType: asked.type === 'text' ? null : asked.type,
    score: asked.type === 'text' ? null : (body.score ?? null),
    text: body.text?.trim() ?? '',
    receivedAt: new Date(raw.receivedAt).toISOString(),
    ...(identity && (identity.email || identity.userId)
      ? { contact: { email: identity.email, externalId: identity.userId, name: identity.name } }
      : {}),
    metadata: {
      responseId: body.responseId,
      question: asked.text,
      ...(body.language ? { language: body.language } : {}),
      ...(body.pageUrl ? { pageUrl: body.pageUrl } : {}),
      ...(origin ? { referrerOrigin: origin } : {}),
      browser: client.browser,
      device: client.device,
    },
    // The answer and its follow-up revise one feedback item, whichever is normalised first.
    group: {
      key: `widget:${raw.postId ?? 'none'}:${body.responseId}`,
      revision: body.step === 'answer' ? 1 : 2,
    },
  };
};

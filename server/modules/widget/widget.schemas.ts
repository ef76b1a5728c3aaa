import { z } from 'zod';
import { WIDGET_QUESTION_TYPES } from './widget.settings.ts';

export const widgetParams = z.strictObject({ postId: z.uuid() });

const texts = z.record(z.string(), z.string());

/** Only what the widget needs to render: no name, no allowed origins, nothing internal. */
export const widgetConfigSchema = z
  .object({
    question: z.object({ type: z.enum(WIDGET_QUESTION_TYPES), text: texts }),
    defaultLanguage: z.string(),
    followUp: texts,
    thankYou: texts,
    colors: z.object({ accent: z.string(), background: z.string(), text: z.string() }),
    position: z.enum(['bottom-right', 'bottom-left', 'inline']),
  })
  .meta({ id: 'WidgetConfig' });

/**
 * One step of a visitor's response. `answer` carries the score (or the text, for a text
 * question) and is sent the moment the visitor picks it, so leaving the page loses nothing;
 * `followup` carries the follow-up text and repeats the score. Both share the client-made
 * `responseId`, so they make one feedback item, and resending a step is a no-op.
 */
export const widgetResponseSchema = z
  .strictObject({
    responseId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, - or _'),
    step: z.enum(['answer', 'followup']).default('answer'),
    score: z.number().int().min(0).max(10).nullable().optional(),
    text: z.string().max(5000).optional(),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)
      .optional(),
    pageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    identity: z
      .strictObject({
        email: z.email().max(254).optional(),
        userId: z.string().trim().min(1).max(200).optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .optional(),
  })
  .meta({ id: 'WidgetResponse' });

export type WidgetResponse = z.infer<typeof widgetResponseSchema>;

export const widgetReceiptSchema = z.object({
  accepted: z.number().describe('1 when stored, 0 when this step was received before'),
  duplicate: z.boolean(),
});

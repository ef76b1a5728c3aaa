import { z } from 'zod';

export const WIDGET_QUESTION_TYPES = ['nps', 'csat', 'ces', 'text'] as const;
export type WidgetQuestionType = (typeof WIDGET_QUESTION_TYPES)[number];

/** The answer range of each scored question type (the same scales as surveys). */
export const SCALES: Record<Exclude<WidgetQuestionType, 'text'>, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** A BCP 47 language tag as browsers report it (`en`, `fr-CA`, `zh-Hant-TW`); kept lower case. */
const language = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a language tag such as en or fr-CA')
  .transform((tag) => tag.toLowerCase());
const perLanguage = (max: number) =>
  z.record(language, z.string().trim().min(1).max(max)).refine((texts) => {
    return Object.keys(texts).length <= 30;
  }, 'at most 30 languages');
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8')
  .transform((hex) => hex.toLowerCase());

/**
 * A site allowed to embed the widget, as its origin (`https://shop.example`, with a port when not
 * the default). Paths are refused rather than silently dropped, so a typo is noticed.
 */
const origin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.origin === value.replace(/\/$/, '').toLowerCase()
      );
    } catch {
      return false;
    }
  }, 'must be an origin such as https://shop.example (scheme, host and port only)')
  .transform((value) => new URL(value).origin);

const DEFAULT_QUESTION = {
  type: 'nps' as const,
  text: { en: 'How likely are you to recommend us to a friend or colleague?' },
};

/**
 * What a `widget` listening post asks and how it looks. Every field has a default, so a new
 * widget post works at once (an NPS question in English, allowed on any site).
 */
export const widgetSettingsSchema = z
  .strictObject({
    question: z
      .strictObject({
        type: z.enum(WIDGET_QUESTION_TYPES).default('nps'),
        text: perLanguage(500).refine((texts) => Object.keys(texts).length > 0, {
          message: 'give the question in at least one language',
        }),
      })
      .default(DEFAULT_QUESTION),
    /** The language shown when the visitor's browser asks for none of the question's languages. */
    defaultLanguage: language.default('en'),
    /** Asked after a score ("What is the main reason for your score?"); none = no follow-up. */
    followUp: perLanguage(500).default({}),
    thankYou: perLanguage(300).default({ en: 'Thank you for your feedback!' }),
    colors: z
      .strictObject({
        accent: colour.default('#4338ca'),
        background: colour.default('#ffffff'),
        text: colour.default('#1f2937'),
      })
      .default({ accent: '#4338ca', background: '#ffffff', text: '#1f2937' }),
    position: z.enum(['bottom-right', 'bottom-left', 'inline']).default('bottom-right'),
    /** Sites that may use this widget (CORS); empty = any site. */
    allowedOrigins: z.array(origin).max(50).default([]),
  })
  .superRefine((settings, context) => {
    if (!(settings.defaultLanguage in settings.question.text))
      context.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: 'the question must be given in the default language',
      });
  });

export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;

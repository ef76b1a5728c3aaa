import type { z } from 'zod';
import type { PostKind } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { feedSettingsSchema, socialSettingsSchema } from '../connectors/connectors.settings.ts';
import { surveyPostSettings } from '../surveys/post-settings.ts';
import { emailPostSettingsSchema } from '../email-in/email-settings.ts';
import { widgetSettingsSchema } from '../widget/widget.settings.ts';

/**
 * What staff configure on each kind of listening post (a feed's URLs and keywords, a widget's
 * question, a mailbox's address...). Each channel module owns its schema and registers it here;
 * a kind with no entry takes no settings. Secrets (signing keys, passwords) are NOT settings:
 * they live beside them in the post's config and are never returned by the API.
 */
const settingsSchemas: Partial<Record<PostKind, z.ZodType<Record<string, unknown>>>> = {
  feed: feedSettingsSchema,
  social: socialSettingsSchema,
  survey: surveyPostSettings,
  email: emailPostSettingsSchema,
  widget: widgetSettingsSchema,
};

export type PostSettings = Record<string, unknown>;

/** Validates settings for a kind, reporting problems at `body.settings.*`. */
export function parsePostSettings(kind: PostKind, settings: unknown): PostSettings {
  const schema = settingsSchemas[kind];
  if (!schema) {
    if (settings === undefined || (isObject(settings) && Object.keys(settings).length === 0))
      return {};
    throw errors.invalid(`A ${kind} listening post takes no settings.`, [
      { path: 'body.settings', message: 'not expected for this kind' },
    ]);
  }
  const parsed = schema.safeParse(settings ?? {});
  if (!parsed.success)
    throw errors.invalid(
      `These settings do not suit a ${kind} listening post.`,
      parsed.error.issues.map((issue) => ({
        path: ['body', 'settings', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  return parsed.data;
}

/** The settings stored in a post's config (older posts have none). */
export function settingsOf(config: Record<string, unknown>): PostSettings {
  const settings = config['settings'];
  return isObject(settings) ? settings : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

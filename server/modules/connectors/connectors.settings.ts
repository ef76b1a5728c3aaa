import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What staff configure on `feed` and `social` listening posts: where to look, and what to look
 * for. The default endpoints are the public services; the base URLs can be changed for a
 * self-hosted mirror (and are how tests point the connectors at recorded fixtures).
 */

export const MIN_POLL_MINUTES = 5;
export const DEFAULT_POLL_MINUTES = 15;
export const MAX_SOURCES = 50;

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('an http(s) URL');
const name = z.string().trim().min(1).max(100);
const namedTerm = z.strictObject({
  name,
  aliases: z.array(name).max(20).default([]),
});

const terms = {
  brands: z
    .array(namedTerm)
    .max(20)
    .default([])
    .describe('The brand and its products, with aliases'),
  competitors: z.array(namedTerm).max(50).default([]),
  keywords: z.array(name).max(50).default([]),
  pollMinutes: z
    .number()
    .int()
    .min(MIN_POLL_MINUTES)
    .max(24 * 60)
    .default(DEFAULT_POLL_MINUTES),
};

const hasTerms = (settings: { brands: unknown[]; competitors: unknown[]; keywords: unknown[] }) =>
  settings.brands.length + settings.competitors.length + settings.keywords.length > 0;
const needsTerms = {
  message: 'name the brand, a competitor or a keyword to listen for',
  path: ['brands'],
};

export const feedSettingsSchema = z
  .strictObject({
    sources: z
      .array(
        z.strictObject({
          url: httpUrl,
          label: z.string().trim().max(100).optional(),
          /** For the brand's own forum or community feed: every entry is a mention. */
          keepAll: z.boolean().default(false),
        }),
      )
      .min(1)
      .max(MAX_SOURCES),
    ...terms,
  })
  .refine((s) => s.sources.every((source) => source.keepAll) || hasTerms(s), needsTerms);

const hashtag = z
  .string()
  .trim()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'letters, digits and underscores')
  .transform((tag) => tag.replace(/^#/, ''));
const query = z.string().trim().min(1).max(300);

const socialSource = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('mastodon-hashtag'),
    instance: httpUrl.default('https://mastodon.social'),
    hashtag,
  }),
  z.strictObject({
    type: z.literal('mastodon-search'),
    instance: httpUrl.default('https://mastodon.social'),
    query,
  }),
  z.strictObject({
    type: z.literal('reddit'),
    baseUrl: httpUrl.default('https://www.reddit.com'),
    query,
    subreddit: z
      .string()
      .regex(/^[A-Za-z0-9_]{2,21}$/)
      .optional(),
  }),
  z.strictObject({
    type: z.literal('hackernews'),
    baseUrl: httpUrl.default('https://hn.algolia.com'),
    query,
  }),
]);

export const socialSettingsSchema = z
  .strictObject({ sources: z.array(socialSource).min(1).max(MAX_SOURCES), ...terms })
  .refine(hasTerms, needsTerms);

export type FeedSettings = z.infer<typeof feedSettingsSchema>;
export type SocialSettings = z.infer<typeof socialSettingsSchema>;
export type SocialSource = z.infer<typeof socialSource>;

/** One source of a post, as the poller sees it. */
export type SourceSpec =
  | { key: string; type: 'feed'; label: string; url: string; keepAll: boolean }
  | (SocialSource & { key: string; label: string; keepAll: false });

function keyOf(definition: unknown): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('base64url').slice(0, 22);
}

function socialLabel(source: SocialSource): string {
  const host = (url: string) => new URL(url).host;
  switch (source.type) {
    case 'mastodon-hashtag':
      return `#${source.hashtag} on ${host(source.instance)}`;
    case 'mastodon-search':
      return `“${source.query}” on ${host(source.instance)}`;
    case 'reddit':
      return `Reddit${source.subreddit ? ` r/${source.subreddit}` : ''}: “${source.query}”`;
    case 'hackernews':
      return `Hacker News: “${source.query}”`;
  }
}

export interface ConnectorSettings {
  specs: SourceSpec[];
  terms: Pick<FeedSettings, 'brands' | 'competitors' | 'keywords'>;
  pollMinutes: number;
}

/** The sources and terms of a feed or social post, from its stored settings; undefined if they are not valid. */
export function connectorSettings(kind: string, settings: unknown): ConnectorSettings | undefined {
  if (kind === 'feed') {
    const parsed = feedSettingsSchema.safeParse(settings);
    if (!parsed.success) return undefined;
    const specs: SourceSpec[] = parsed.data.sources.map((source) => ({
      key: keyOf({ type: 'feed', url: source.url }),
      type: 'feed',
      label: source.label || new URL(source.url).host,
      url: source.url,
      keepAll: source.keepAll,
    }));
    return { specs, terms: parsed.data, pollMinutes: parsed.data.pollMinutes };
  }
  if (kind === 'social') {
    const parsed = socialSettingsSchema.safeParse(settings);
    if (!parsed.success) return undefined;
    const specs: SourceSpec[] = parsed.data.sources.map((source) => ({
      ...source,
      key: keyOf(source),
      label: socialLabel(source),
      keepAll: false,
    }));
    return { specs, terms: parsed.data, pollMinutes: parsed.data.pollMinutes };
  }
  return undefined;
}

import type { SocialSource } from './connectors.settings.ts';
import { NotAFeedError } from './parse-feed.ts';
import type { EntryFormat } from './read-entry.ts';

/**
 * The public APIs of Mastodon, Reddit and Hacker News (Algolia): the URL to ask, and how to read
 * the answer. Where an API takes one, the cursor (the newest id or time seen) asks only for
 * entries newer than the last poll, so an entry is not fetched again.
 */

export interface SocialPage {
  format: EntryFormat;
  entries: unknown[];
  cursor: string | null;
}

const PAGE_SIZE = { mastodon: 40, reddit: 100, hackernews: 100 };

function at(base: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

export function socialRequestUrl(source: SocialSource, cursor: string | null): string {
  const since = cursor ?? undefined;
  switch (source.type) {
    case 'mastodon-hashtag':
      return at(source.instance, `api/v1/timelines/tag/${encodeURIComponent(source.hashtag)}`, {
        limit: String(PAGE_SIZE.mastodon),
        min_id: since,
      });
    case 'mastodon-search':
      return at(source.instance, 'api/v2/search', {
        q: source.query,
        type: 'statuses',
        resolve: 'false',
        limit: String(PAGE_SIZE.mastodon),
        min_id: since,
      });
    case 'reddit':
      return at(
        source.baseUrl,
        source.subreddit ? `r/${source.subreddit}/search.json` : 'search.json',
        {
          q: source.query,
          sort: 'new',
          limit: String(PAGE_SIZE.reddit),
          raw_json: '1',
          restrict_sr: source.subreddit ? 'on' : undefined,
        },
      );
    case 'hackernews':
      return at(source.baseUrl, 'api/v1/search_by_date', {
        query: source.query,
        tags: '(story,comment)',
        hitsPerPage: String(PAGE_SIZE.hackernews),
        // ">=" rather than ">": entries of the same second are not missed; dedup drops repeats.
        numericFilters: since ? `created_at_i>=${since}` : undefined,
      });
  }
}

function parseJson(body: string, what: string): unknown {
  const trimmed = body.trim();
  if (trimmed.startsWith('<'))
    throw new NotAFeedError(`${what} answered with HTML or XML instead of JSON`);
  try {
    return JSON.parse(trimmed);
  } catch {
    throw new NotAFeedError(`${what} did not answer with valid JSON`);
  }
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Larger of two Mastodon ids (decimal strings of up to 19 digits, compared as numbers). */
function newerId(a: string | null, b: string): string {
  if (!/^\d{1,30}$/.test(b)) return a ?? b;
  if (a === null) return b;
  return BigInt(b) > BigInt(a) ? b : a;
}

export function parseSocialResponse(
  source: SocialSource,
  body: string,
  cursor: string | null,
): SocialPage {
  switch (source.type) {
    case 'mastodon-hashtag':
    case 'mastodon-search': {
      const json = parseJson(body, 'The Mastodon instance');
      const statuses = source.type === 'mastodon-hashtag' ? json : record(json)['statuses'];
      if (!Array.isArray(statuses))
        throw new NotAFeedError('The Mastodon instance did not answer with a list of statuses');
      let next = cursor;
      for (const status of statuses) next = newerId(next, String(record(status)['id']));
      return { format: 'mastodon', entries: statuses, cursor: next };
    }
    case 'reddit': {
      const listing = record(parseJson(body, 'Reddit'));
      const children = record(listing['data'])['children'];
      if (listing['kind'] !== 'Listing' || !Array.isArray(children))
        throw new NotAFeedError('Reddit did not answer with a listing');
      // Reddit's `before` cursor breaks when its item is deleted; dedup keys keep repeats out instead.
      return {
        format: 'reddit',
        entries: children.filter((child) => record(child)['kind'] === 't3'),
        cursor: null,
      };
    }
    case 'hackernews': {
      const hits = record(parseJson(body, 'Hacker News search'))['hits'];
      if (!Array.isArray(hits))
        throw new NotAFeedError('Hacker News search did not answer with hits');
      let newest = cursor === null ? 0 : Number(cursor);
      for (const hit of hits) {
        const time = Number(record(hit)['created_at_i']);
        if (Number.isFinite(time) && time > newest) newest = time;
      }
      return { format: 'hackernews', entries: hits, cursor: newest > 0 ? String(newest) : null };
    }
  }
}

import { createHash } from 'node:crypto';
import { htmlToText } from './html-text.ts';
import { xmlText } from './parse-feed.ts';

export const ENTRY_FORMATS = [
  'rss',
  'rdf',
  'atom',
  'jsonfeed',
  'mastodon',
  'reddit',
  'hackernews',
] as const;
export type EntryFormat = (typeof ENTRY_FORMATS)[number];

/** The facts of one entry that Hearken uses, read the same way by the poller and the normaliser. */
export interface Mention {
  /** Stable within its source: guid, Atom id, status URI, Reddit fullname, HN object id. */
  id: string;
  url: string | undefined;
  title: string | undefined;
  text: string;
  authorName: string | undefined;
  /** A contact handle: `@user@mastodon.social`, `reddit:u/name`, `hn:name`, `blog.example.com:Jane`. */
  handle: string | undefined;
  publishedAt: string | undefined;
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** An ISO timestamp from RFC 822 (RSS), RFC 3339 (Atom, JSON) or epoch seconds; undefined if unreadable. */
export function isoTime(value: unknown): string | undefined {
  const date =
    typeof value === 'number' ? new Date(value * 1000) : str(value) ? new Date(str(value)!) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function absolute(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:'
      ? resolved.toString()
      : undefined;
  } catch {
    return undefined;
  }
}

/** The domain of a URL (no port): Mastodon handles and feed author handles are per domain. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'feed';
  }
}

const fingerprint = (...parts: Array<string | undefined>) =>
  `sha256:${createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('base64url')}`;

/** "jane@example.com (Jane Doe)" (RSS) → "Jane Doe"; a bare name stays as is. */
function rssAuthorName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const open = value.indexOf('(');
  const close = value.lastIndexOf(')');
  if (open >= 0 && close > open) return value.slice(open + 1, close).trim() || undefined;
  return value.includes('@') && !value.includes(' ') ? undefined : value;
}

function feedHandle(name: string | undefined, source: string): string | undefined {
  return name ? `${hostOf(source)}:${name.slice(0, 100)}` : undefined;
}

function readRss(entry: Json, source: string): Mention {
  const link = absolute(
    list(entry['link'])
      .map(xmlText)
      .find((href) => href),
    source,
  );
  const guid = xmlText(entry['guid']);
  const title = str(htmlToText(xmlText(entry['title']) ?? ''));
  const html = xmlText(entry['encoded']) ?? xmlText(entry['description']) ?? '';
  const authorName =
    str(xmlText(entry['creator'])) ?? rssAuthorName(str(xmlText(list(entry['author'])[0])));
  const publishedAt = isoTime(xmlText(entry['pubDate']) ?? xmlText(entry['date']));
  return {
    id: guid ?? link ?? fingerprint(title, publishedAt, html),
    url: link ?? (guid && /^https?:/.test(guid) ? guid : undefined),
    title,
    text: htmlToText(html),
    authorName,
    handle: feedHandle(authorName, source),
    publishedAt,
  };
}

function atomLink(entry: Json, source: string): string | undefined {
  const links = list(entry['link']).map(record);
  const alternate =
    links.find((link) => (link['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return absolute(str(alternate?.['@_href']), source);
}

function readAtom(entry: Json, source: string): Mention {
  const url = atomLink(entry, source);
  const title = str(htmlToText(xmlText(entry['title']) ?? ''));
  const html = xmlText(entry['content']) ?? xmlText(entry['summary']) ?? '';
  const author = record(list(entry['author'])[0]);
  const authorName = str(xmlText(author['name']));
  const publishedAt = isoTime(xmlText(entry['published']) ?? xmlText(entry['updated']));
  return {
    id: str(xmlText(entry['id'])) ?? url ?? fingerprint(title, publishedAt, html),
    url,
    title,
    text: htmlToText(html),
    authorName,
    handle: feedHandle(authorName, source),
    publishedAt,
  };
}

function readJsonFeed(entry: Json, source: string): Mention {
  const url = absolute(str(entry['url']) ?? str(entry['external_url']), source);
  const title = str(entry['title']);
  const text = str(entry['content_text']) ?? htmlToText(str(entry['content_html']) ?? '');
  const author = record(list(entry['authors'])[0] ?? entry['author']);
  const authorName = str(author['name']);
  const publishedAt = isoTime(entry['date_published'] ?? entry['date_modified']);
  const id = entry['id'];
  return {
    id: (typeof id === 'number' ? String(id) : str(id)) ?? url ?? fingerprint(title, text),
    url,
    title,
    text: text || str(entry['summary']) || '',
    authorName,
    handle: feedHandle(authorName, source),
    publishedAt,
  };
}

function readMastodon(status: Json, source: string): Mention {
  const account = record(status['account']);
  const acct = str(account['acct']);
  const spoiler = str(status['spoiler_text']);
  const body = htmlToText(str(status['content']) ?? '');
  return {
    id: str(status['uri']) ?? str(status['url']) ?? `${hostOf(source)}/${String(status['id'])}`,
    url: absolute(str(status['url']) ?? str(status['uri']), source),
    title: undefined,
    text: spoiler ? `${spoiler}\n\n${body}` : body,
    authorName: str(account['display_name']) ?? str(account['username']),
    handle: acct ? `@${acct.includes('@') ? acct : `${acct}@${hostOf(source)}`}` : undefined,
    publishedAt: isoTime(status['created_at']),
  };
}

function readReddit(child: Json, source: string): Mention {
  const post = record(child['data']);
  const author = str(post['author']);
  const permalink = str(post['permalink']);
  return {
    id: str(post['name']) ?? `t3_${String(post['id'])}`,
    url: permalink
      ? absolute(permalink, 'https://www.reddit.com')
      : absolute(str(post['url']), source),
    title: str(post['title']),
    text: str(post['selftext']) ?? str(post['body']) ?? '',
    authorName: author,
    handle: author && author !== '[deleted]' ? `reddit:u/${author}` : undefined,
    publishedAt: isoTime(post['created_utc']),
  };
}

function readHackerNews(hit: Json): Mention {
  const id = String(hit['objectID']);
  const author = str(hit['author']);
  const title = str(hit['title']) ?? str(hit['story_title']);
  const html = str(hit['comment_text']) ?? str(hit['story_text']) ?? '';
  return {
    id,
    url: `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`,
    title,
    text: htmlToText(html) || str(hit['url']) || '',
    authorName: author,
    handle: author ? `hn:${author}` : undefined,
    publishedAt: isoTime(hit['created_at'] ?? hit['created_at_i']),
  };
}

/** Reads one raw entry of a given format; `source` is the URL it came from (for relative links and handles). */
export function readEntry(format: EntryFormat, entry: unknown, source: string): Mention {
  const json = record(entry);
  switch (format) {
    case 'rss':
    case 'rdf':
      return readRss(json, source);
    case 'atom':
      return readAtom(json, source);
    case 'jsonfeed':
      return readJsonFeed(json, source);
    case 'mastodon':
      return readMastodon(json, source);
    case 'reddit':
      return readReddit(json, source);
    case 'hackernews':
      return readHackerNews(json);
  }
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'jsonfeed';

export interface ParsedFeed {
  format: FeedFormat;
  title: string | undefined;
  /** Each entry exactly as the parser read it; stored raw and read again by the normaliser. */
  entries: unknown[];
}

/** A response that is not a feed: the reason is shown on the source and the post. */
export class NotAFeedError extends Error {}

export const MAX_ENTRIES = 500;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  // fast-xml-parser 5 bounds entity expansion by default; a feed has no business declaring many.
  processEntities: { enabled: true, maxEntityCount: 20, maxEntitySize: 1000 },
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author', 'contributor'].includes(name),
});

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an XML node read by fast-xml-parser (a string, or an object with `#text`). */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return xmlText(value[0]);
  const text = asRecord(value)?.['#text'];
  return typeof text === 'string' ? text : undefined;
}

function looksLikeHtml(start: string): boolean {
  const head = start.slice(0, 500).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<head>');
}

function parseJsonFeed(body: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new NotAFeedError('The response looks like JSON but is not valid JSON');
  }
  const feed = asRecord(json);
  const version = feed?.['version'];
  if (typeof version !== 'string' || !version.startsWith('https://jsonfeed.org/version/'))
    throw new NotAFeedError('The response is JSON but not a JSON Feed (no jsonfeed.org version)');
  if (!Array.isArray(feed?.['items'])) throw new NotAFeedError('The JSON Feed has no items list');
  const title = feed['title'];
  return {
    format: 'jsonfeed',
    title: typeof title === 'string' ? title : undefined,
    entries: feed['items'].slice(0, MAX_ENTRIES),
  };
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document. Anything else (an HTML page,
 * an error page, random bytes) is refused with a reason a person can act on.
 */
export function parseFeed(rawBody: string): ParsedFeed {
  const body = rawBody.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new NotAFeedError('The response is empty');
  if (body.startsWith('{')) return parseJsonFeed(body);
  if (!body.startsWith('<'))
    throw new NotAFeedError('The response is neither XML nor JSON, so not a feed');
  if (looksLikeHtml(body))
    throw new NotAFeedError(
      'The URL answered with an HTML page, not a feed (link the feed itself, often /feed, /rss or /atom.xml)',
    );
  // The parser forgives unclosed tags; a truncated or broken document must be refused instead.
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw new NotAFeedError(
      `The response is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`.slice(
        0,
        300,
      ),
    );
  let document: Record<string, unknown>;
  try {
    document = xml.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new NotAFeedError(
      `The response is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`.slice(
        0,
        300,
      ),
    );
  }
  const rss = asRecord(document['rss']);
  if (rss) {
    const channel = asRecord(asArray(rss['channel'])[0]);
    if (!channel) throw new NotAFeedError('The RSS document has no channel');
    return {
      format: 'rss',
      title: xmlText(channel['title']),
      entries: asArray(channel['item']).slice(0, MAX_ENTRIES),
    };
  }
  const rdf = asRecord(document['RDF']);
  if (rdf) {
    return {
      format: 'rdf',
      title: xmlText(asRecord(rdf['channel'])?.['title']),
      entries: asArray(rdf['item']).slice(0, MAX_ENTRIES),
    };
  }
  const atom = asRecord(document['feed']);
  if (atom) {
    return {
      format: 'atom',
      title: xmlText(atom['title']),
      entries: asArray(atom['entry']).slice(0, MAX_ENTRIES),
    };
  }
  if (document['html'] !== undefined)
    throw new NotAFeedError('The URL answered with an HTML page, not a feed');
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  throw new NotAFeedError(
    root
      ? `The XML document is not a feed (its root element is <${root.slice(0, 50)}>)`
      : 'The response is not a feed',
  );
}

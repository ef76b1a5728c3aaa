import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { receiveRawItems, type IncomingRawItem } from '../ingest/ingest.repository.ts';
import type { ConnectorSettings, SourceSpec } from './connectors.settings.ts';
import { compileTerms, matchTerms, mentionsAnything, type Matches } from './matching.ts';
import { FetchError, fetchOutbound } from './outbound-fetch.ts';
import { BlockedAddressError, type OutboundPolicy } from './outbound-guard.ts';
import { NotAFeedError, parseFeed } from './parse-feed.ts';
import { readEntry, type EntryFormat } from './read-entry.ts';
import type { SourceState } from './connectors.repository.ts';
import { parseSocialResponse, socialRequestUrl } from './social.ts';

/** What a poller stores for each kept entry: the entry as received, and what it was kept for. */
export interface MentionPayload {
  format: EntryFormat;
  source: { key: string; type: string; label: string; url: string };
  entry: unknown;
  matches: Matches;
  keptBecause: 'match' | 'keep-all';
}

export type PollOutcome =
  | { ok: true; status: number; stored: number; seen: number; etag: string | null;
      lastModified: string | null; cursor: string | null } // prettier-ignore
  | { ok: false; status: number | null; error: string };

const STORE_BATCH = 200;

/** Removes what PostgreSQL's jsonb cannot hold (NUL characters, lone UTF-16 surrogates). */
function storable(value: unknown): unknown {
  if (typeof value === 'string')
    return value
      .replaceAll('\u0000', '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
  return value;
}

/**
 * The dedup key of an entry: the post, then the entry's identity. For social sources that identity
 * is global (a status URI, a Reddit fullname, an HN id), so the same post found by two searches
 * of one post is stored once; for feeds it is the feed URL and the entry's guid.
 */
function dedupKeyOf(channel: 'feed' | 'social', postId: string, spec: SourceSpec, id: string) {
  const identity = spec.type === 'feed' ? `${spec.url}#${id}` : `${spec.type.split('-')[0]}:${id}`;
  const digest = createHash('sha256').update(identity).digest('base64url');
  return `${channel}:${postId}:${digest}`;
}

function describe(error: unknown): { status: number | null; error: string } {
  if (error instanceof FetchError) return { status: error.status, error: error.message };
  if (error instanceof NotAFeedError || error instanceof BlockedAddressError)
    return { status: null, error: error.message };
  return {
    status: null,
    error: `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
  };
}

type Fetched =
  | { ok: true; status: number; items: IncomingRawItem[]; seen: number; etag: string | null;
      lastModified: string | null; cursor: string | null } // prettier-ignore
  | { ok: false; status: number | null; error: string };

/**
 * Polls one source once: a conditional GET (ETag / Last-Modified), then parse, match and store
 * the kept entries raw (a re-stored entry is a no-op thanks to its dedup key). A failure to fetch
 * or read the source comes back as an outcome with a reason, and nothing is stored; a failure to
 * store (the database) throws, so the job is retried and, failing that, dead-lettered.
 */
export async function pollSource(
  db: Db,
  policy: OutboundPolicy,
  post: { workspaceId: string; id: string; kind: 'feed' | 'social' },
  settings: ConnectorSettings,
  spec: SourceSpec,
  state: Pick<SourceState, 'etag' | 'lastModified' | 'cursor'>,
): Promise<PollOutcome> {
  const fetched = await fetchAndSelect(policy, post, settings, spec, state);
  if (!fetched.ok) return fetched;
  const { items, ...rest } = fetched;
  let stored = 0;
  for (let start = 0; start < items.length; start += STORE_BATCH) {
    const batch = items.slice(start, start + STORE_BATCH);
    stored += (await receiveRawItems(db, post.workspaceId, post.kind, batch)).length;
  }
  return { ...rest, stored };
}

async function fetchAndSelect(
  policy: OutboundPolicy,
  post: { workspaceId: string; id: string; kind: 'feed' | 'social' },
  settings: ConnectorSettings,
  spec: SourceSpec,
  state: Pick<SourceState, 'etag' | 'lastModified' | 'cursor'>,
): Promise<Fetched> {
  try {
    const url = spec.type === 'feed' ? spec.url : socialRequestUrl(spec, state.cursor);
    const headers: Record<string, string> = {
      accept:
        spec.type === 'feed'
          ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5'
          : 'application/json',
    };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    const response = await fetchOutbound(url, { policy, headers });
    const kept = {
      etag: response.headers['etag'] ?? state.etag,
      lastModified: response.headers['last-modified'] ?? state.lastModified,
    };
    if (response.status === 304)
      return { ok: true, status: 304, items: [], seen: 0, cursor: state.cursor, ...kept };
    if (response.status < 200 || response.status >= 300)
      return {
        ok: false,
        status: response.status,
        error: `${new URL(response.url).host} answered HTTP ${response.status}`,
      };

    const page =
      spec.type === 'feed'
        ? { ...parseFeed(response.body), cursor: null }
        : parseSocialResponse(spec, response.body, state.cursor);
    const compiled = compileTerms(settings.terms);
    const items: IncomingRawItem[] = [];
    for (const entry of page.entries) {
      const mention = readEntry(page.format, entry, response.url);
      const matches = matchTerms(compiled, `${mention.title ?? ''}\n${mention.text}`);
      const matched = mentionsAnything(matches);
      if (!matched && !spec.keepAll) continue;
      const payload: MentionPayload = {
        format: page.format,
        source: { key: spec.key, type: spec.type, label: spec.label, url: response.url },
        entry: storable(entry),
        matches,
        keptBecause: matched ? 'match' : 'keep-all',
      };
      items.push({
        dedupKey: dedupKeyOf(post.kind, post.id, spec, mention.id),
        payload,
        postId: post.id,
      });
    }
    return {
      ok: true,
      status: response.status,
      items,
      seen: page.entries.length,
      cursor: page.cursor,
      ...kept,
    };
  } catch (error) {
    return { ok: false, ...describe(error) };
  }
}

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** After `failures` failures in a row: the interval doubled each time (2×, 4×, ...), at most a day. */
export function backoffMs(intervalMs: number, failures: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_MS, intervalMs));
}

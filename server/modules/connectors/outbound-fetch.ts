import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import {
  BlockedAddressError,
  bareHost,
  guardedLookup,
  isAddressAllowed,
  type OutboundPolicy,
} from './outbound-guard.ts';

export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'Hearken/1.0 (customer listening; feed and mention poller)';

/** A fetch that failed for a reason worth showing to the person who configured the source. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  policy: OutboundPolicy;
  headers?: Record<string, string>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface FetchResult {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const agents = new WeakMap<OutboundPolicy, Agent>();

/** One connection pool per policy, whose every connection goes through the guarded lookup. */
function agentFor(policy: OutboundPolicy): Agent {
  let agent = agents.get(policy);
  if (!agent) {
    agent = new Agent({
      connect: { lookup: guardedLookup(policy), timeout: 10_000 },
      headersTimeout: FETCH_TIMEOUT_MS,
      bodyTimeout: FETCH_TIMEOUT_MS,
      maxResponseSize: MAX_RESPONSE_BYTES,
    });
    agents.set(policy, agent);
  }
  return agent;
}

/** Refuses URLs that are not http(s) or name a forbidden address literally (no lookup happens for those). */
export function checkUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`Not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(`Only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password)
    throw new FetchError('URLs with a user name or password are not fetched');
  const host = bareHost(url);
  if (ipaddr.isValid(host) && !isAddressAllowed(host, policy))
    throw new BlockedAddressError(host, host);
  return url;
}

function headerRecord(headers: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The charset a response declares in its header or XML declaration; UTF-8 otherwise. */
function decode(bytes: Buffer, contentType: string | undefined): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared =
    /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readLimited(body: AsyncIterable<Buffer>, limit: number, destroy: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      destroy();
      throw new FetchError(`The response is larger than ${Math.round(limit / 1024)} KB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GETs a URL from the internet with the SSRF guard on every hop: each URL (the first and every
 * redirect target) is checked, and each connection's resolved address is checked as it is made.
 * Redirects are followed by hand, at most `maxRedirects`; the body is read up to `maxBytes`; the
 * whole exchange is bounded by `timeoutMs`. A 304 comes back with an empty body.
 */
export async function fetchOutbound(rawUrl: string, options: FetchOptions): Promise<FetchResult> {
  const limit = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = checkUrl(rawUrl, options.policy);
  for (let hop = 0; ; hop += 1) {
    let response;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher: agentFor(options.policy),
        signal,
        headers: { 'user-agent': USER_AGENT, 'accept-encoding': 'identity', ...options.headers },
      });
    } catch (error) {
      throw describeNetworkError(error, url, signal);
    }
    const headers = headerRecord(response.headers);
    const location = headers['location'];
    if ([301, 302, 303, 307, 308].includes(response.statusCode) && location) {
      await response.body.dump();
      if (hop >= maxRedirects) throw new FetchError(`More than ${maxRedirects} redirects`);
      url = checkUrl(new URL(location, url).toString(), options.policy);
      continue;
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      response.body.destroy();
      throw new FetchError(`The response is larger than ${Math.round(limit / 1024)} KB`);
    }
    let bytes: Buffer;
    try {
      bytes = await readLimited(response.body, limit, () => response.body.destroy());
    } catch (error) {
      throw error instanceof FetchError ? error : describeNetworkError(error, url, signal);
    }
    return {
      status: response.statusCode,
      url: url.toString(),
      headers,
      body: decode(bytes, headers['content-type']),
    };
  }
}

function describeNetworkError(error: unknown, url: URL, signal: AbortSignal): Error {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof BlockedAddressError) return cause;
  if (error instanceof BlockedAddressError) return error;
  if (signal.aborted) return new FetchError(`No complete answer from ${url.host} in time`);
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/max.*size|exceed/i.test(message))
    return new FetchError(`The response from ${url.host} is too large`);
  return new FetchError(`Could not fetch ${url.host}: ${message}`);
}

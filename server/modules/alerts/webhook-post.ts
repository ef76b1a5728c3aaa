import { Agent, request } from 'undici';
import { checkUrl } from '../connectors/outbound-fetch.ts';
import {
  BlockedAddressError,
  guardedLookup,
  type OutboundPolicy,
} from '../connectors/outbound-guard.ts';

export const POST_TIMEOUT_MS = 10_000;
/** Enough of an error answer to show why it failed; the rest is read and dropped. */
const KEPT_RESPONSE_CHARS = 300;
const USER_AGENT = 'Hearken-Alerts/1.0';

export interface PostResult {
  status: number;
  /** The start of the answer, for the delivery's last error. */
  body: string;
}

/** A POST that could not complete; `permanent` when trying again cannot help. */
export class PostError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

const agents = new WeakMap<OutboundPolicy, Agent>();
function agentFor(policy: OutboundPolicy): Agent {
  let agent = agents.get(policy);
  if (!agent) {
    agent = new Agent({
      connect: { lookup: guardedLookup(policy), timeout: POST_TIMEOUT_MS },
      headersTimeout: POST_TIMEOUT_MS,
      bodyTimeout: POST_TIMEOUT_MS,
    });
    agents.set(policy, agent);
  }
  return agent;
}

/**
 * POSTs JSON to a URL an admin configured, with the same SSRF guard as the feed poller: the URL
 * and every connection's resolved address must be public unless the operator allows more.
 * Redirects are not followed (a redirected POST would be resent elsewhere). Any status comes back;
 * the caller decides what counts as delivered.
 */
export async function postJson(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<PostResult> {
  let url: URL;
  try {
    url = checkUrl(rawUrl, policy);
  } catch (error) {
    throw new PostError(error instanceof Error ? error.message : String(error), true);
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher: agentFor(policy),
      signal,
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
      body,
    });
    let kept = '';
    for await (const chunk of response.body) {
      if (kept.length < KEPT_RESPONSE_CHARS) kept += (chunk as Buffer).toString('utf8');
    }
    return { status: response.statusCode, body: kept.slice(0, KEPT_RESPONSE_CHARS) };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause ?? error) : error;
    if (cause instanceof BlockedAddressError || error instanceof BlockedAddressError)
      throw new PostError((cause as Error).message, true);
    if (signal.aborted) throw new PostError(`No answer from ${url.host} in time`, false);
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new PostError(`Could not reach ${url.host}: ${message}`, false);
  }
}

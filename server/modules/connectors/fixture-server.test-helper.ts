import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { connectorJobs } from './connectors.jobs.ts';
import { outboundPolicy, type OutboundPolicy } from './outbound-guard.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const LAST_MODIFIED = 'Tue, 04 Mar 2025 09:12:44 GMT';

/**
 * A local stand-in for blogs, news sites, Mastodon, Reddit and Algolia's HN search, serving the
 * recorded fixtures. The RSS feed answers 304 to its ETag, the Atom feed to its Last-Modified;
 * `/flaky` fails while `failures` > 0. Every request is recorded.
 */
export interface FixtureServer {
  url: string;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  flaky: { failures: number };
  close(): Promise<void>;
}

const routes: Record<string, { type: string; body: () => string }> = {
  '/blog/feed': { type: 'application/rss+xml; charset=utf-8', body: () => fixture('blog-rss.xml') },
  '/news/atom.xml': { type: 'application/atom+xml', body: () => fixture('news-atom.xml') },
  '/community/latest.json': {
    type: 'application/feed+json',
    body: () => fixture('community-jsonfeed.json'),
  },
  '/site': { type: 'text/html', body: () => fixture('not-a-feed.html') },
  '/garbage': { type: 'application/octet-stream', body: () => '\u0007\u0000PK\u0003\u0004 %%' },
  '/api/v1/timelines/tag/acme': {
    type: 'application/json',
    body: () => fixture('mastodon-tag.json'),
  },
  '/api/v2/search': { type: 'application/json', body: () => fixture('mastodon-search.json') },
  '/r/analytics/search.json': {
    type: 'application/json',
    body: () => fixture('reddit-search.json'),
  },
  '/api/v1/search_by_date': { type: 'application/json', body: () => fixture('hn-search.json') },
};

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const flaky = { failures: 0 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path: req.url ?? '/', headers: req.headers });
    if (path === '/blog/feed' && req.headers['if-none-match'] === '"rss-v1"') {
      res.writeHead(304, { etag: '"rss-v1"' }).end();
      return;
    }
    if (path === '/news/atom.xml' && req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304).end();
      return;
    }
    if (path === '/flaky') {
      if (flaky.failures > 0) {
        flaky.failures -= 1;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('blog-rss.xml'));
      }
      return;
    }
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': route.type };
    if (path === '/blog/feed') headers['etag'] = '"rss-v1"';
    if (path === '/news/atom.xml') headers['last-modified'] = LAST_MODIFIED;
    res.writeHead(200, headers).end(route.body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    flaky,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silent = createLogger({ LOG_LEVEL: 'silent' });

/** Runs the workspace's queued connector jobs as a worker would, with the test's outbound policy. */
export async function runConnectorJobs(
  ctx: AppContext,
  workspaceId: string,
  policy: OutboundPolicy = outboundPolicy(ctx.config),
) {
  const { pollJob } = connectorJobs(() => policy);
  const jobs = await queryRows<{ id: number; payload: unknown }>(
    ctx.db,
    sql`UPDATE jobs SET state = 'done' WHERE workspace_id = ${workspaceId} AND name = ${pollJob.name}
          AND state = 'queued' RETURNING id::int AS id, payload`,
  );
  for (const job of jobs) {
    await pollJob.handler(pollJob.payload.parse(job.payload), {
      db: ctx.db,
      jobId: job.id,
      attempt: 1,
      workspaceId,
      log: silent,
      signal: new AbortController().signal,
    });
  }
  return jobs.length;
}

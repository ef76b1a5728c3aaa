import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine, testConfig } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { createPost, findPost } from '../listening-posts/listening-posts.service.ts';
import { connectorJobs } from './connectors.jobs.ts';
import { listPostSources, pollPostNow } from './connectors.service.ts';
import {
  runConnectorJobs,
  startFixtureServer,
  type FixtureServer,
} from './fixture-server.test-helper.ts';
import { outboundPolicy } from './outbound-guard.ts';

const names = {
  brands: [{ name: 'Acme Analytics', aliases: ['Acme', 'AcmeCloud'] }],
  competitors: [{ name: 'Globex', aliases: ['Globex Corp'] }],
  keywords: ['customer portal'],
};
const MINUTE = 60_000;

describeEachEngine(
  'feed and social connectors against recorded fixtures',
  ({ ctx }) => {
    let server: FixtureServer;
    beforeAll(async () => {
      server = await startFixtureServer();
    });
    afterAll(() => server.close());

    async function setUp(kind: 'feed' | 'social', sources: unknown[]) {
      const workspace = await createTestWorkspace(ctx());
      const post = await createPost(ctx(), workspace.id, {
        kind,
        name: `${kind} post`,
        settings: { sources, ...names, pollMinutes: 5 },
      });
      return { workspaceId: workspace.id, postId: post.id };
    }
    const rawItems = (workspaceId: string) =>
      queryRows<{ dedupKey: string; channel: string }>(
        ctx().db,
        sql`SELECT dedup_key AS "dedupKey", channel FROM raw_items WHERE workspace_id = ${workspaceId} ORDER BY id`,
      );
    const feedback = (workspaceId: string) =>
      queryRows<{
        text: string;
        channel: string;
        handle: string | null;
        metadata: Record<string, unknown>;
      }>(
        ctx().db,
        sql`SELECT f.text, f.channel, c.social_handle AS handle, f.metadata FROM feedback f
            LEFT JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
            WHERE f.workspace_id = ${workspaceId} ORDER BY f.received_at DESC`,
      );
    const pollAgain = async (workspaceId: string, postId: string) => {
      await pollPostNow(ctx(), workspaceId, postId);
      return runConnectorJobs(ctx(), workspaceId);
    };

    it('polls due sources from the scheduler tick, keeps only mentions, and never stores an entry twice', async () => {
      const { workspaceId, postId } = await setUp('feed', [
        { url: `${server.url}/blog/feed` },
        { url: `${server.url}/news/atom.xml`, label: 'Product Wire' },
        { url: `${server.url}/community/latest.json`, keepAll: true },
      ]);
      const { tickJob } = connectorJobs(() => outboundPolicy(ctx().config));
      const log = createLogger({ LOG_LEVEL: 'silent' });
      const tick = () =>
        tickJob.handler(
          {},
          {
            db: ctx().db,
            jobId: 0,
            attempt: 1,
            workspaceId: null,
            log,
            signal: new AbortController().signal,
          },
        );
      await tick();
      await tick(); // a second tick before the polls ran queues nothing more
      expect(await runConnectorJobs(ctx(), workspaceId)).toBe(3);
      // RSS: 3 of 4 (not "Acmetric"); Atom: 1 of 2; the community feed keeps all: 2.
      expect(await rawItems(workspaceId)).toHaveLength(6);
      await tick();
      expect(await runConnectorJobs(ctx(), workspaceId)).toBe(0); // nothing due for 5 minutes

      const before = server.requests.length;
      expect(await pollAgain(workspaceId, postId)).toBe(3);
      expect(await rawItems(workspaceId)).toHaveLength(6);
      const again = server.requests.slice(before);
      expect(again.find((r) => r.path === '/blog/feed')?.headers['if-none-match']).toBe('"rss-v1"');
      expect(again.find((r) => r.path === '/news/atom.xml')?.headers['if-modified-since']).toBe(
        'Tue, 04 Mar 2025 09:12:44 GMT',
      );
      const states = await listPostSources(ctx(), workspaceId, postId);
      expect(
        states.map((s) => [s.label, s.lastStatus, s.itemsStored, s.consecutiveFailures]),
      ).toEqual([
        [new URL(server.url).host, 304, 3, 0],
        ['Product Wire', 304, 1, 0],
        [new URL(server.url).host, 200, 2, 0],
      ]);
      expect(states[0]!.etag).toBe('"rss-v1"');

      await runQueuedNormalisation(ctx(), workspaceId);
      const items = await feedback(workspaceId);
      expect(items).toHaveLength(6);
      const switched = items.find((item) => item.text.startsWith('Why we moved'))!;
      expect(switched).toMatchObject({ channel: 'feed', handle: '127.0.0.1:Priya Raman' });
      expect(switched.text).not.toContain('tracking');
      expect(switched.metadata).toMatchObject({
        url: 'https://opsledger.example/2025/03/moving-to-acmecloud/',
        title: 'Why we moved our dashboards to AcmeCloud',
        publishedAt: '2025-03-04T09:00:00.000Z',
        brands: ['Acme Analytics'],
        competitors: ['Globex'],
        source: { type: 'feed', format: 'rss' },
        keptBecause: 'match',
      });
      const forum = items.find((item) => item.text.startsWith('Love the new theme'))!;
      expect(forum.metadata).toMatchObject({
        brands: [],
        competitors: [],
        keptBecause: 'keep-all',
      });
      const portal = items.find((item) => item.text.startsWith('Our customer portal'))!;
      expect(portal.metadata).toMatchObject({ keywords: ['customer portal'], brands: [] });
    });

    it('backs off after errors, doubling the wait, and resets on success', async () => {
      const { workspaceId, postId } = await setUp('feed', [
        { url: `${server.url}/flaky`, label: 'Flaky blog' },
      ]);
      server.flaky.failures = 2;
      const waits: number[] = [];
      for (let poll = 0; poll < 3; poll += 1) {
        const started = Date.now();
        await pollAgain(workspaceId, postId);
        const [state] = await listPostSources(ctx(), workspaceId, postId);
        waits.push(Math.round((state!.nextPollAt.getTime() - started) / MINUTE));
        const post = await findPost(ctx(), workspaceId, postId);
        if (poll < 2) {
          expect(state).toMatchObject({ consecutiveFailures: poll + 1, lastStatus: 503 });
          expect(state!.lastError).toMatch(/HTTP 503/);
          expect(post?.status).toBe('error');
        } else {
          expect(state).toMatchObject({ consecutiveFailures: 0, lastError: null, itemsStored: 3 });
          expect(post?.status).toBe('active');
        }
      }
      expect(waits).toEqual([10, 20, 5]);
      const [row] = await queryRows<{ lastError: string | null }>(
        ctx().db,
        sql`SELECT last_error AS "lastError" FROM listening_posts WHERE workspace_id = ${workspaceId} AND id = ${postId}`,
      );
      expect(row?.lastError).toBeNull();
    });

    it('records a clear error for an HTML page, garbage, or a refused address, and stores nothing', async () => {
      const { workspaceId, postId } = await setUp('feed', [
        { url: `${server.url}/site`, label: 'Blog home page' },
        { url: `${server.url}/garbage`, label: 'Garbage' },
        { url: 'http://10.1.2.3/feed', label: 'Intranet' },
      ]);
      await pollAgain(workspaceId, postId);
      const states = await listPostSources(ctx(), workspaceId, postId);
      expect(states.map((s) => s.lastError)).toEqual([
        expect.stringMatching(/HTML page, not a feed/),
        expect.stringMatching(/neither XML nor JSON/),
        expect.stringMatching(/Refused to connect to 10\.1\.2\.3/),
      ]);
      expect(await rawItems(workspaceId)).toHaveLength(0);
      const post = await findPost(ctx(), workspaceId, postId);
      expect(post?.status).toBe('error');
      const [row] = await queryRows<{ lastError: string }>(
        ctx().db,
        sql`SELECT last_error AS "lastError" FROM listening_posts WHERE workspace_id = ${workspaceId} AND id = ${postId}`,
      );
      expect(row?.lastError).toMatch(
        /^Blog home page: .*HTML page.*\(and 2 more failing sources\)$/,
      );
    });

    it('refuses the loopback fixture server when the operator has not allowed it', async () => {
      const { workspaceId, postId } = await setUp('feed', [{ url: `${server.url}/blog/feed` }]);
      await pollPostNow(ctx(), workspaceId, postId);
      const strict = outboundPolicy(testConfig());
      expect(await runConnectorJobs(ctx(), workspaceId, strict)).toBe(1);
      const [state] = await listPostSources(ctx(), workspaceId, postId);
      expect(state?.lastError).toMatch(/^Refused to connect to 127\.0\.0\.1/);
      expect(await rawItems(workspaceId)).toHaveLength(0);
    });

    it('reads Mastodon, Reddit and Hacker News, stores a status found twice once, and asks only for newer entries', async () => {
      const { workspaceId, postId } = await setUp('social', [
        { type: 'mastodon-hashtag', instance: server.url, hashtag: 'acme' },
        { type: 'mastodon-search', instance: server.url, query: 'acme analytics' },
        { type: 'reddit', baseUrl: server.url, query: 'acme analytics', subreddit: 'analytics' },
        { type: 'hackernews', baseUrl: server.url, query: 'acme' },
      ]);
      await pollAgain(workspaceId, postId);
      const stored = await rawItems(workspaceId);
      // Mastodon: 2 of 3 (not "#acmetnt"), the search's one status is the tag's first; Reddit 2; HN 2.
      expect(stored).toHaveLength(6);
      expect(new Set(stored.map((r) => r.channel))).toEqual(new Set(['social']));

      const before = server.requests.length;
      await pollAgain(workspaceId, postId);
      expect(await rawItems(workspaceId)).toHaveLength(6);
      const paths = server.requests.slice(before).map((r) => r.path);
      expect(paths).toContain('/api/v1/timelines/tag/acme?limit=40&min_id=113987654321000002');
      expect(paths.find((p) => p.startsWith('/api/v1/search_by_date'))).toContain(
        'numericFilters=created_at_i%3E%3D1741086153',
      );

      await runQueuedNormalisation(ctx(), workspaceId);
      const items = await feedback(workspaceId);
      const byHandle = new Map(items.map((item) => [item.handle, item]));
      expect([...byHandle.keys()].sort()).toEqual(
        [
          '@dev_oli@127.0.0.1',
          '@kira@fosstodon.example',
          'hn:pg_fan',
          'hn:tptacek',
          'reddit:u/data_dani',
          null,
        ].sort(),
      );
      expect(byHandle.get('reddit:u/data_dani')?.metadata).toMatchObject({
        brands: ['Acme Analytics'],
        competitors: ['Globex'],
        url: 'https://www.reddit.com/r/analytics/comments/1j3k4ab/acme_analytics_vs_globex_for_a_small_team/',
        author: { handle: 'reddit:u/data_dani', name: 'data_dani' },
      });
      expect(byHandle.get('hn:pg_fan')?.metadata).toMatchObject({
        brands: [],
        competitors: ['Globex'],
      });
      expect(byHandle.get('@kira@fosstodon.example')?.metadata).toMatchObject({
        url: 'https://fosstodon.example/@kira/113987654321000002',
        source: { type: 'mastodon-hashtag', format: 'mastodon' },
      });
    });
  },
  { OUTBOUND_ALLOW_CIDRS: '127.0.0.1/32' },
);

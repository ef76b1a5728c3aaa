import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import {
  runConnectorJobs,
  startFixtureServer,
  type FixtureServer,
} from './fixture-server.test-helper.ts';

describeEachEngine(
  'feed and social listening posts over HTTP',
  ({ ctx }) => {
    let app: FastifyInstance;
    let workspace: TestWorkspace;
    let server: FixtureServer;
    let base: string;
    beforeAll(async () => {
      app = await buildApp(ctx());
      workspace = await createTestWorkspace(ctx());
      server = await startFixtureServer();
      base = `/api/v1/workspaces/${workspace.id}/listening-posts`;
    });
    afterAll(async () => {
      await app.close();
      await server.close();
    });
    const owner = () => sessionHeaders(workspace.owner);

    it('validates feed settings: URLs, names to listen for, a polling interval of at least 5 minutes', async () => {
      const bad = await app.inject({
        method: 'POST',
        url: base,
        headers: owner(),
        payload: {
          kind: 'feed',
          name: 'Blogs',
          settings: { sources: [{ url: 'ftp://example.com/feed' }], pollMinutes: 1 },
        },
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json().error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.settings.sources.0.url', 'body.settings.pollMinutes']),
      );
      const noNames = await app.inject({
        method: 'POST',
        url: base,
        headers: owner(),
        payload: {
          kind: 'social',
          name: 'HN',
          settings: { sources: [{ type: 'hackernews', query: 'acme' }] },
        },
      });
      expect(noNames.json().error.details[0].path).toBe('body.settings.brands');
      const created = await app.inject({
        method: 'POST',
        url: base,
        headers: owner(),
        payload: {
          kind: 'social',
          name: 'HN',
          settings: {
            sources: [{ type: 'hackernews', query: 'acme' }],
            brands: [{ name: 'Acme' }],
          },
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().settings).toEqual({
        sources: [{ type: 'hackernews', baseUrl: 'https://hn.algolia.com', query: 'acme' }],
        brands: [{ name: 'Acme', aliases: [] }],
        competitors: [],
        keywords: [],
        pollMinutes: 15,
      });
    });

    it('polls a post on request and shows each source’s state', async () => {
      const post = (
        await app.inject({
          method: 'POST',
          url: base,
          headers: owner(),
          payload: {
            kind: 'feed',
            name: 'Industry blogs',
            settings: {
              sources: [
                { url: `${server.url}/blog/feed`, label: 'Ops Ledger' },
                { url: `${server.url}/site`, label: 'Not a feed' },
              ],
              brands: [{ name: 'Acme', aliases: ['AcmeCloud'] }],
            },
          },
        })
      ).json();
      const before = await app.inject({
        method: 'GET',
        url: `${base}/${post.id}/sources`,
        headers: owner(),
      });
      expect(
        before
          .json()
          .items.map((s: { label: string; lastPolledAt: null }) => [s.label, s.lastPolledAt]),
      ).toEqual([
        ['Ops Ledger', null],
        ['Not a feed', null],
      ]);
      const poll = await app.inject({
        method: 'POST',
        url: `${base}/${post.id}/poll`,
        headers: owner(),
      });
      expect(poll.statusCode).toBe(202);
      expect(poll.json()).toEqual({ queued: 2 });
      await runConnectorJobs(ctx(), workspace.id);
      const after = (
        await app.inject({ method: 'GET', url: `${base}/${post.id}/sources`, headers: owner() })
      ).json();
      expect(after.items[0]).toMatchObject({
        label: 'Ops Ledger',
        url: `${server.url}/blog/feed`,
        lastStatus: 200,
        etag: '"rss-v1"',
        itemsStored: 1,
        consecutiveFailures: 0,
        lastError: null,
      });
      expect(after.items[1]).toMatchObject({
        consecutiveFailures: 1,
        lastError: expect.stringMatching(/HTML page/),
      });
      const listed = (await app.inject({ method: 'GET', url: base, headers: owner() })).json();
      expect(listed.items.find((p: { id: string }) => p.id === post.id)).toMatchObject({
        status: 'error',
        lastError: expect.stringMatching(/^Not a feed: The URL answered with an HTML page/),
      });
    });

    it('answers 404 for posts that are not feed or social posts', async () => {
      const api = (
        await app.inject({
          method: 'POST',
          url: base,
          headers: owner(),
          payload: { kind: 'api', name: 'API' },
        })
      ).json();
      const res = await app.inject({
        method: 'POST',
        url: `${base}/${api.id}/poll`,
        headers: owner(),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    });
  },
  { OUTBOUND_ALLOW_CIDRS: '127.0.0.1/32' },
);

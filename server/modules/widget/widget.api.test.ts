import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';

const SHOP = 'https://shop.example';
const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const responseId = () => randomBytes(16).toString('base64url');

describeEachEngine(
  'embeddable widget endpoints',
  ({ ctx }) => {
    let app: FastifyInstance;
    let workspace: TestWorkspace;
    let headers: Record<string, string>;
    let nextAddress = 1;
    /** A client address of its own per test, so per-address limits do not mix tests up. */
    const address = () => `10.0.0.${nextAddress++}`;

    beforeAll(async () => {
      app = await buildApp(ctx());
      workspace = await createTestWorkspace(ctx());
      headers = sessionHeaders(workspace.owner);
    });
    afterAll(() => app.close());

    async function createWidget(settings: Record<string, unknown> = {}, name = 'Site widget') {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
        headers,
        payload: { kind: 'widget', name, settings },
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    }

    const answer = (postId: string, body: object, extra: Partial<InjectOptions> = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/widget/${postId}/responses`,
        payload: body,
        remoteAddress: address(),
        ...extra,
        headers: { origin: SHOP, 'user-agent': CHROME_UA, ...extra.headers },
      });

    const rawItems = (postId: string) =>
      queryRows<{ dedupKey: string; payload: { origin: string; client: { browser: string } } }>(
        ctx().db,
        sql`SELECT dedup_key AS "dedupKey", payload FROM raw_items
          WHERE workspace_id = ${workspace.id} AND post_id = ${postId} ORDER BY id`,
      );
    const feedbackOf = (postId: string) =>
      queryRows<{
        scoreType: string | null;
        score: number | null;
        text: string;
        metadata: Record<string, unknown>;
        email: string | null;
      }>(
        ctx().db,
        sql`SELECT f.score_type AS "scoreType", f.score, f.text, f.metadata, c.email
          FROM feedback f LEFT JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
          WHERE f.workspace_id = ${workspace.id} AND f.post_id = ${postId} ORDER BY f.created_at`,
      );

    it('serves only what the widget needs, with defaults for a new widget post', async () => {
      const postId = await createWidget({
        question: { type: 'csat', text: { en: 'How was checkout?', fr: 'Le paiement ?' } },
        followUp: { en: 'What could be better?' },
        allowedOrigins: [`${SHOP}/`],
      });
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/widget/${postId}/config`,
        headers: { origin: SHOP },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        question: { type: 'csat', text: { en: 'How was checkout?', fr: 'Le paiement ?' } },
        defaultLanguage: 'en',
        followUp: { en: 'What could be better?' },
        thankYou: { en: 'Thank you for your feedback!' },
        colors: { accent: '#4338ca', background: '#ffffff', text: '#1f2937' },
        position: 'bottom-right',
      });
      expect(response.headers['access-control-allow-origin']).toBe(SHOP);
      expect(response.headers['vary']).toContain('Origin');
      expect(response.headers['cache-control']).toBe('public, max-age=60');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();

      const survey = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
        headers,
        payload: { kind: 'api', name: 'Not a widget' },
      });
      const notWidget = await app.inject({
        method: 'GET',
        url: `/api/v1/widget/${survey.json().id}/config`,
      });
      expect(notWidget.statusCode).toBe(404);
      expect(notWidget.json().error.code).toBe('not_found');
    });

    it('refuses settings that make no sense, with paths', async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
        headers,
        payload: {
          kind: 'widget',
          name: 'Broken',
          settings: {
            question: { type: 'nps', text: { de: 'Wie wahrscheinlich…' } },
            colors: { accent: 'red' },
            allowedOrigins: ['https://shop.example/checkout'],
          },
        },
      });
      expect(response.statusCode).toBe(400);
      const paths = response.json().error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.settings.colors.accent',
          'body.settings.allowedOrigins.0',
          'body.settings.defaultLanguage',
        ]),
      );
    });

    it('answers CORS only for allowed origins, preflight included', async () => {
      const postId = await createWidget({ allowedOrigins: [SHOP, 'http://localhost:8080'] });
      const preflight = (origin: string) =>
        app.inject({
          method: 'OPTIONS',
          url: `/api/v1/widget/${postId}/responses`,
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight('http://localhost:8080');
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:8080');
      expect(allowed.headers['access-control-allow-methods']).toContain('POST');
      expect(allowed.headers['access-control-allow-headers']).toContain('content-type');

      const denied = await preflight('https://evil.example');
      expect(denied.statusCode).toBe(403);
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
      const deniedPost = await answer(
        postId,
        { responseId: responseId(), score: 3 },
        { headers: { origin: 'https://evil.example' }, remoteAddress: address() },
      );
      expect(deniedPost.statusCode).toBe(403);
      expect(deniedPost.headers['access-control-allow-origin']).toBeUndefined();
      expect(await rawItems(postId)).toEqual([]);

      // A widget with no list is open to every site: the wildcard, never with credentials.
      const open = await createWidget();
      const anySite = await app.inject({
        method: 'GET',
        url: `/api/v1/widget/${open}/config`,
        headers: { origin: 'https://blog.example' },
      });
      expect(anySite.headers['access-control-allow-origin']).toBe('*');
    });

    it('stores the answer raw, then one feedback item with score, follow-up text and metadata', async () => {
      const postId = await createWidget({ followUp: { en: 'Why?' } });
      const id = responseId();
      const first = await answer(postId, {
        responseId: id,
        step: 'answer',
        score: 9,
        language: 'en-GB',
        pageUrl: `${SHOP}/checkout/done`,
        identity: { email: 'ada@shop.example', name: 'Ada' },
      });
      expect(first.statusCode).toBe(202);
      expect(first.json()).toEqual({ accepted: 1, duplicate: false });
      // A double click: acknowledged, nothing added.
      expect((await answer(postId, { responseId: id, score: 9 })).json()).toEqual({
        accepted: 0,
        duplicate: true,
      });
      const raw = await rawItems(postId);
      expect(raw).toHaveLength(1);
      expect(raw[0]!.payload.origin).toBe(SHOP);
      expect(raw[0]!.payload.client.browser).toBe('Chrome');
      expect(JSON.stringify(raw[0]!.payload)).not.toContain('X11; Linux');

      await runQueuedNormalisation(ctx(), workspace.id);
      expect(await feedbackOf(postId)).toMatchObject([{ scoreType: 'nps', score: 9, text: '' }]);

      const followUp = {
        responseId: id,
        step: 'followup',
        score: 9,
        text: 'Quick <b>checkout</b>',
        identity: { email: 'ada@shop.example' },
      };
      expect((await answer(postId, followUp)).statusCode).toBe(202);
      expect((await answer(postId, followUp)).json().duplicate).toBe(true);
      await runQueuedNormalisation(ctx(), workspace.id);
      const [feedback, ...more] = await feedbackOf(postId);
      expect(more).toEqual([]);
      expect(feedback).toEqual({
        scoreType: 'nps',
        score: 9,
        text: 'Quick <b>checkout</b>',
        email: 'ada@shop.example',
        metadata: {
          responseId: id,
          question: 'How likely are you to recommend us to a friend or colleague?',
          language: 'en-GB',
          pageUrl: `${SHOP}/checkout/done`,
          referrerOrigin: SHOP,
          browser: 'Chrome',
          device: 'desktop',
        },
      });
      expect((await rawItems(postId)).map((item) => item.dedupKey)).toEqual([
        `widget:${postId}:${id}:answer`,
        `widget:${postId}:${id}:followup`,
      ]);
    });

    it('makes one feedback item when the follow-up is normalised before the answer', async () => {
      const postId = await createWidget({ followUp: { en: 'Why?' } });
      const id = responseId();
      await answer(postId, { responseId: id, step: 'followup', score: 2, text: 'Slow' });
      await runQueuedNormalisation(ctx(), workspace.id);
      await answer(postId, { responseId: id, step: 'answer', score: 2 });
      await runQueuedNormalisation(ctx(), workspace.id);
      expect(await feedbackOf(postId)).toMatchObject([{ score: 2, text: 'Slow' }]);
    });

    it('refuses a paused widget with 409, and bad input with 400', async () => {
      const postId = await createWidget({ question: { type: 'ces', text: { en: 'Easy?' } } });
      const bad = [
        { responseId: 'short', score: 3 },
        { responseId: responseId(), score: 9 },
        { responseId: responseId() },
        { responseId: responseId(), step: 'followup', score: 3 },
        { responseId: responseId(), score: 3, pageUrl: 'javascript:alert(1)' },
        { responseId: responseId(), score: 3, identity: { email: 'not-an-email' } },
        { responseId: responseId(), score: 3, extra: true },
      ];
      for (const body of bad) {
        const response = await answer(postId, body);
        expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
        expect(response.json().error.code).toBe('invalid_request');
      }
      const malformed = await answer(
        postId,
        {},
        {
          headers: { 'content-type': 'application/json' },
          payload: '{"responseId": ',
        },
      );
      expect(malformed.statusCode).toBe(400);
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/widget/not-a-uuid/config' })).statusCode,
      ).toBe(400);
      expect(await rawItems(postId)).toEqual([]);

      await app.inject({
        method: 'PATCH',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts/${postId}`,
        headers,
        payload: { status: 'paused' },
      });
      const paused = await answer(postId, { responseId: responseId(), score: 3 });
      expect(paused.statusCode).toBe(409);
      expect(paused.json().error.message).toMatch(/paused/);
      expect(paused.headers['access-control-allow-origin']).toBe('*');
      const config = await app.inject({ method: 'GET', url: `/api/v1/widget/${postId}/config` });
      expect(config.statusCode).toBe(409);
    });

    it('limits responses per post across addresses (429)', async () => {
      const postId = await createWidget();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await answer(postId, { responseId: responseId(), score: 5 })).statusCode);
      expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
      const limited = await answer(postId, { responseId: responseId(), score: 5 });
      expect(limited.json().error.code).toBe('rate_limited');
      // Another post is not held back by this one.
      const other = await createWidget();
      expect((await answer(other, { responseId: responseId(), score: 5 })).statusCode).toBe(202);
    });

    it('limits responses per address (429)', async () => {
      const postId = await createWidget();
      const other = await createWidget();
      const remoteAddress = address();
      const statuses: number[] = [];
      for (const post of [postId, postId, other, other])
        statuses.push(
          (await answer(post, { responseId: responseId(), score: 5 }, { remoteAddress }))
            .statusCode,
        );
      expect(statuses).toEqual([202, 202, 202, 429]);
    });

    it('erases the follow-up raw item too when the contact is erased', async () => {
      const postId = await createWidget();
      const id = responseId();
      const identity = { email: 'erase-me@shop.example' };
      await answer(postId, { responseId: id, score: 1, identity });
      await answer(postId, {
        responseId: id,
        step: 'followup',
        score: 1,
        text: 'My order 123',
        identity,
      });
      await runQueuedNormalisation(ctx(), workspace.id);
      const [contact] = await queryRows<{ id: string }>(
        ctx().db,
        sql`SELECT id FROM contacts WHERE workspace_id = ${workspace.id} AND email = 'erase-me@shop.example'`,
      );
      const erased = await app.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${workspace.id}/contacts/${contact!.id}/personal-data`,
        headers,
      });
      expect(erased.statusCode).toBe(200);
      const payloads = (await rawItems(postId)).map((item) => item.payload);
      expect(payloads).toEqual([{ erased: true }, { erased: true }]);
    });
  },
  { WIDGET_RATE_LIMIT_PER_MINUTE: '3', WIDGET_POST_RATE_LIMIT_PER_MINUTE: '10' },
);

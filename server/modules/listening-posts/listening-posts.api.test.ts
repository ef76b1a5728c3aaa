import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { bearer, createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';

describeEachEngine('touchpoints and listening posts', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('attaches a post to a touchpoint, counts what arrives through it, and files its feedback there', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const touchpoint = (
      await app.inject({
        method: 'POST',
        url: `${base}/touchpoints`,
        headers,
        payload: { name: 'Support call' },
      })
    ).json();
    const created = await app.inject({
      method: 'POST',
      url: `${base}/listening-posts`,
      headers,
      payload: { kind: 'api', name: 'Call summaries', touchpointId: touchpoint.id },
    });
    expect(created.statusCode).toBe(201);
    const post = created.json();
    expect(post).toMatchObject({
      status: 'active',
      touchpointId: touchpoint.id,
      lastReceivedAt: null,
      volume: [],
    });

    const key = bearer(await workspace.apiKey('agent'));
    await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: key,
      payload: {
        items: [
          { text: 'on hold for an hour', postId: post.id },
          { text: 'fixed quickly', postId: post.id },
        ],
      },
    });
    expect(await runQueuedNormalisation(ctx(), workspace.id)).toEqual({ jobs: 1, errors: [] });

    const posts = (
      await app.inject({ method: 'GET', url: `${base}/listening-posts`, headers })
    ).json().items;
    expect(posts[0].lastReceivedAt).not.toBeNull();
    expect(posts[0].volume).toEqual([
      { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), count: 2 },
    ]);
    const filed = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE workspace_id = ${workspace.id} AND touchpoint_id = ${touchpoint.id} AND post_id = ${post.id}`,
    );
    expect(filed[0]?.n).toBe(2);

    const viaPost = await app.inject({
      method: 'GET',
      url: `${base}/feedback?postId=${post.id}`,
      headers,
    });
    expect(viaPost.json().items).toHaveLength(2);

    const paused = await app.inject({
      method: 'PATCH',
      url: `${base}/listening-posts/${post.id}`,
      headers,
      payload: { status: 'paused' },
    });
    expect(paused.json().status).toBe('paused');
  });

  it('refuses a post on a touchpoint of another workspace', async () => {
    const mine = await createTestWorkspace(ctx());
    const theirs = await createTestWorkspace(ctx());
    const foreign = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${theirs.id}/touchpoints`,
        headers: sessionHeaders(theirs.owner),
        payload: { name: 'Theirs' },
      })
    ).json();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${mine.id}/listening-posts`,
      headers: sessionHeaders(mine.owner),
      payload: { kind: 'widget', name: 'x', touchpointId: foreign.id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.touchpointId');
  });

  it('stops taking items through a paused post until it is resumed, and stores nothing meanwhile', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const post = (
      await app.inject({
        method: 'POST',
        url: `${base}/listening-posts`,
        headers,
        payload: { kind: 'api', name: 'Partner feed' },
      })
    ).json();
    const setStatus = (status: string) =>
      app.inject({
        method: 'PATCH',
        url: `${base}/listening-posts/${post.id}`,
        headers,
        payload: { status },
      });
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers: bearer(apiKey),
        payload: { items: [{ text: 'no post' }, { text: 'via the post', postId: post.id }] },
      });
    const apiKey = await workspace.apiKey('agent');
    expect((await setStatus('paused')).json().status).toBe('paused');

    const refused = await send();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([
      { path: 'body.items.1.postId', message: 'is paused' },
    ]);
    const stored = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id}`,
    );
    expect(stored[0]!.n).toBe(0);

    await setStatus('active');
    expect((await send()).json().accepted).toBe(2);
  });

  it('refuses settings for a kind of post that takes none, naming the field', async () => {
    const workspace = await createTestWorkspace(ctx());
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
      headers: sessionHeaders(workspace.owner),
      payload: { kind: 'api', name: 'x', settings: { colour: 'red' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'body.settings', message: 'not expected for this kind' },
    ]);
  });
});

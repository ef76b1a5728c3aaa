import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { signBody } from './transcript.ts';

describeEachEngine('call transcript webhook', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  let url: string;
  let secret: string;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const post = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts`,
        headers,
        payload: { kind: 'call', name: 'Support line' },
      })
    ).json();
    secret = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts/${post.id}/signing-secret`,
        headers,
      })
    ).json().signingSecret;
    url = `/api/v1/hooks/calls/${workspace.id}/${post.id}`;
  });
  afterAll(() => app.close());

  const rawCount = async () =>
    (
      await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id}`,
      )
    )[0]?.n;

  function deliver(body: string, contentType: string, signature = signBody(secret, body)) {
    return app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, 'x-hearken-signature': signature },
      payload: body,
    });
  }

  it('accepts signed JSON and form-encoded transcripts once each, and files them as call feedback', async () => {
    const json = JSON.stringify({
      callId: 'call-1',
      kind: 'voicemail',
      from: '+15550100',
      transcript: 'I was on hold for an hour and no one called back.',
    });
    expect((await deliver(json, 'application/json')).json()).toEqual({
      accepted: 1,
      duplicate: false,
    });
    expect((await deliver(json, 'application/json')).json()).toEqual({
      accepted: 0,
      duplicate: true,
    });
    const form = new URLSearchParams({
      CallSid: 'CA42',
      TranscriptionText: 'Thanks, Sam fixed it on the first call',
      From: '+15550101',
      AccountSid: 'AC1',
    }).toString();
    expect((await deliver(form, 'application/x-www-form-urlencoded')).statusCode).toBe(202);

    await runQueuedNormalisation(ctx(), workspace.id);
    const rows = await queryRows<{ channel: string; text: string; phone: string }>(
      ctx().db,
      sql`SELECT f.channel, f.text, c.phone FROM feedback f JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
          WHERE f.workspace_id = ${workspace.id} ORDER BY c.phone`,
    );
    expect(rows).toEqual([
      {
        channel: 'call',
        text: 'I was on hold for an hour and no one called back.',
        phone: '+15550100',
      },
      { channel: 'call', text: 'Thanks, Sam fixed it on the first call', phone: '+15550101' },
    ]);
  });

  it('answers 401 and stores nothing when the signature is wrong or missing', async () => {
    const before = await rawCount();
    const body = JSON.stringify({ callId: 'forged', transcript: 'give me a refund' });
    expect(
      (await deliver(body, 'application/json', signBody('guessed-secret', body))).statusCode,
    ).toBe(401);
    const unsigned = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('unauthenticated');
    expect(await rawCount()).toBe(before);
  });

  it('explains bodies that are not transcripts, and refuses unknown posts', async () => {
    expect((await deliver('{"callId": ', 'application/json')).statusCode).toBe(400);
    const missingText = await deliver(JSON.stringify({ callId: 'c9' }), 'application/json');
    expect(missingText.statusCode).toBe(400);
    expect(missingText.json().error.details[0].path).toBe('body.transcript');
    expect((await deliver('hello', 'text/plain')).statusCode).toBe(415);
    expect(
      (
        await deliver(
          JSON.stringify({ callId: 'big', transcript: 'x'.repeat(1_100_000) }),
          'application/json',
        )
      ).statusCode,
    ).toBe(413);
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/v1/hooks/calls/${workspace.id}/00000000-0000-4000-8000-000000000000`,
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses transcripts for a paused post with 409 and stores nothing', async () => {
    const before = await rawCount();
    const postId = url.split('/').at(-1)!;
    const patch = (status: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/workspaces/${workspace.id}/listening-posts/${postId}`,
        headers: sessionHeaders(workspace.owner),
        payload: { status },
      });
    await patch('paused');
    const body = JSON.stringify({ callId: 'paused-1', transcript: 'Hello?' });
    const refused = await deliver(body, 'application/json');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
    expect(await rawCount()).toBe(before);
    await patch('active');
    expect((await deliver(body, 'application/json')).statusCode).toBeLessThan(300);
  });
});

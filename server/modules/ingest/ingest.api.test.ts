import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import {
  bearer,
  createTestWorkspace,
  sessionHeaders,
  type TestWorkspace,
} from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { receiveRawItems } from './ingest.repository.ts';

describeEachEngine('feedback ingest API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  const normalise = (workspaceId: string, attempt = 1) =>
    runQueuedNormalisation(ctx(), workspaceId, attempt);

  const feedbackOf = (workspaceId: string) =>
    queryRows<{
      text: string;
      score: number | null;
      channel: string;
      contact_email: string | null;
      account_domain: string | null;
    }>(
      ctx().db,
      sql`SELECT f.text, f.score, f.channel, c.email AS contact_email, a.domain AS account_domain
          FROM feedback f
          LEFT JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
          LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
          WHERE f.workspace_id = ${workspaceId} ORDER BY f.received_at, f.text`,
    );

  async function keyFor(workspace: TestWorkspace, role: 'agent' | 'viewer' = 'agent') {
    return bearer(await workspace.apiKey(role));
  }

  it('stores an item raw, then normalises it with contact and account from the work email', async () => {
    const workspace = await createTestWorkspace(ctx());
    const item = {
      text: 'Sam at the front desk was brilliant <script>alert(1)</script>',
      score: { type: 'nps', value: 10 },
      contact: { email: 'Ana@Initech.example', name: 'Ana' },
    };
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: await keyFor(workspace),
      payload: item,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 1, duplicates: 0 });

    const raw = await queryRows<{ payload: unknown; state: string }>(
      ctx().db,
      sql`SELECT payload, state FROM raw_items WHERE workspace_id = ${workspace.id}`,
    );
    expect(raw).toEqual([{ payload: item, state: 'received' }]);
    expect(await normalise(workspace.id)).toEqual({ jobs: 1, errors: [] });
    expect(await feedbackOf(workspace.id)).toEqual([
      {
        text: item.text,
        score: 10,
        channel: 'api',
        contact_email: 'Ana@Initech.example',
        account_domain: 'initech.example',
      },
    ]);
    // Normalising again (a retried job) adds nothing.
    await ctx().db.execute(
      sql`UPDATE raw_items SET state = 'received' WHERE workspace_id = ${workspace.id}`,
    );
    await ctx().db.execute(
      sql`INSERT INTO jobs (workspace_id, name, payload) SELECT workspace_id, 'ingest.normalise', jsonb_build_object('rawItemIds', jsonb_agg(id)) FROM raw_items WHERE workspace_id = ${workspace.id} GROUP BY workspace_id`,
    );
    await normalise(workspace.id);
    expect(await feedbackOf(workspace.id)).toHaveLength(1);
  });

  it('treats a repeated Idempotency-Key, externalId or identical item as a duplicate', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = { ...(await keyFor(workspace)), 'idempotency-key': 'order-42-survey' };
    const body = {
      items: [
        { text: 'Delivery was late' },
        { text: 'Great onboarding', score: { type: 'csat', value: 5 } },
      ],
    };
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers,
      payload: body,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers,
      payload: body,
    });
    expect(first.json()).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });

    const byExternalId = { externalId: 'zendesk-991', text: 'Refund please' };
    const plain = await keyFor(workspace);
    await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: plain,
      payload: byExternalId,
    });
    const edited = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: plain,
      payload: { ...byExternalId, text: 'Refund please!' },
    });
    expect(edited.json().duplicates).toBe(1);
    const sameContent = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: plain,
      payload: { items: [{ text: 'twice' }, { text: 'twice' }] },
    });
    expect(sameContent.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    const [row] = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id}`,
    );
    expect(row?.n).toBe(4);
  });

  it('refuses a batch with any bad item, storing none of it', async () => {
    const workspace = await createTestWorkspace(ctx());
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/feedback`,
      headers: sessionHeaders(workspace.owner),
      payload: {
        items: [
          { text: 'fine' },
          { score: { type: 'nps', value: 11 } },
          { text: 'x', contact: { email: 'not-an-email' } },
          { text: 'y', touchpointId: '00000000-0000-4000-8000-000000000000' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.items.1.score.value', 'body.items.2.contact.email']),
    );
    const unknownTouchpoint = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/feedback`,
      headers: sessionHeaders(workspace.owner),
      payload: { text: 'y', touchpointId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownTouchpoint.statusCode).toBe(400);
    expect(unknownTouchpoint.json().error.details[0].path).toBe('body.items.0.touchpointId');
    const tooMany = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: await keyFor(workspace),
      payload: { items: Array.from({ length: 1001 }, (_, i) => ({ text: `n${i}` })) },
    });
    expect(tooMany.statusCode).toBe(400);
    const [row] = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id}`,
    );
    expect(row?.n).toBe(0);
  });

  it('never makes an account from a free-mail address, and reuses known contacts', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = await keyFor(workspace);
    await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers,
      payload: {
        items: [
          { text: 'first', contact: { email: 'sam@gmail.com' } },
          { text: 'second', contact: { email: 'SAM@gmail.com', name: 'Sam' } },
          {
            text: 'third',
            contact: { externalId: 'crm-7' },
            account: { externalId: 'acct-1', name: 'Globex' },
          },
        ],
      },
    });
    await normalise(workspace.id);
    const rows = await feedbackOf(workspace.id);
    expect(rows.map((row) => row.account_domain)).toEqual([null, null, null]);
    const contacts = await queryRows<{ email: string | null; name: string | null }>(
      ctx().db,
      sql`SELECT email, name FROM contacts WHERE workspace_id = ${workspace.id} ORDER BY email NULLS LAST`,
    );
    expect(contacts).toEqual([
      { email: 'sam@gmail.com', name: 'Sam' },
      { email: null, name: null },
    ]);
    const accounts = await queryRows<{ name: string }>(
      ctx().db,
      sql`SELECT name FROM accounts WHERE workspace_id = ${workspace.id}`,
    );
    expect(accounts).toEqual([{ name: 'Globex' }]);
  });

  it('lets agents and their keys send feedback, not viewers', async () => {
    const workspace = await createTestWorkspace(ctx());
    const viewer = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: await keyFor(workspace, 'viewer'),
      payload: { text: 'hi' },
    });
    expect(viewer.statusCode).toBe(403);
    const session = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: sessionHeaders(workspace.owner),
      payload: { text: 'hi' },
    });
    expect(session.statusCode).toBe(400);
  });

  it('keeps the good items of a batch when one fails in the database', async () => {
    const workspace = await createTestWorkspace(ctx());
    await receiveRawItems(ctx().db, workspace.id, 'api', [
      { dedupKey: 'ok-1', payload: { text: 'first' } },
      {
        dedupKey: 'bad-fk',
        payload: { text: 'points nowhere', touchpointId: '00000000-0000-4000-8000-000000000001' },
      },
      { dedupKey: 'ok-2', payload: { text: 'second' } },
    ]);
    const result = await normalise(workspace.id);
    expect(result.errors).toEqual([expect.stringMatching(/^1 of 3 items could not be normalised/)]);
    expect((await feedbackOf(workspace.id)).map((row) => row.text)).toEqual(['first', 'second']);
    const states = await queryRows<{ dedup_key: string; state: string; has_error: boolean }>(
      ctx().db,
      sql`SELECT dedup_key, state, last_error IS NOT NULL AS has_error FROM raw_items WHERE workspace_id = ${workspace.id} ORDER BY dedup_key`,
    );
    expect(states).toEqual([
      { dedup_key: 'bad-fk', state: 'received', has_error: true },
      { dedup_key: 'ok-1', state: 'processed', has_error: false },
      { dedup_key: 'ok-2', state: 'processed', has_error: false },
    ]);
  });

  it('dead-letters an item that cannot be normalised after the last attempt, and retries it on request', async () => {
    const workspace = await createTestWorkspace(ctx());
    await ctx().db.execute(sql`
      WITH raw AS (INSERT INTO raw_items (workspace_id, channel, dedup_key, payload)
                   VALUES (${workspace.id}, 'email', 'mangled-1', '{"subject": 42}'::jsonb) RETURNING id)
      INSERT INTO jobs (workspace_id, name, payload) SELECT ${workspace.id}, 'ingest.normalise', jsonb_build_object('rawItemIds', jsonb_build_array(id)) FROM raw`);
    const result = await normalise(workspace.id, 5);
    expect(result.errors[0]).toMatch(/1 of 1 items could not be normalised/);
    const listed = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/raw-items?state=dead`,
      headers: sessionHeaders(workspace.owner),
    });
    const [dead] = listed.json().items;
    expect(dead).toMatchObject({ state: 'dead', dedupKey: 'mangled-1', payload: { subject: 42 } });
    expect(dead.lastError).toMatch(/Not a stored email/);
    const retry = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/raw-items/${dead.id}/retry`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(retry.statusCode).toBe(202);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/raw-items/${dead.id}/retry`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(again.statusCode).toBe(404);
    const queued = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = ${workspace.id} AND state = 'queued'`,
    );
    expect(queued[0]?.n).toBe(1);
  });

  it('documents POST /api/v1/feedback with examples that the endpoint accepts', async () => {
    const document = (await app.inject('/api/docs/json')).json();
    const examples: unknown[] = document.components.schemas.FeedbackBatch.examples;
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const workspace = await createTestWorkspace(ctx());
    const headers = await keyFor(workspace);
    for (const example of examples) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers,
        payload: example as Record<string, unknown>,
      });
      expect(response.statusCode, JSON.stringify(response.json())).toBe(202);
    }
    await normalise(workspace.id);
    expect((await feedbackOf(workspace.id)).map((item) => item.text)).toContain(
      'Still waiting for my refund.',
    );
  });
});

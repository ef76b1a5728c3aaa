import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { failJob } from '../../jobs/queue.repository.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { afterAnalysis } from './after-analysis.ts';
import { createTestFeedback } from './analysis.fixture.ts';
import { analysisRunJob } from './analysis.jobs.ts';
import { runQueuedAnalysis } from './analysis.test-helper.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

describeEachEngine('analysis API', ({ ctx }) => {
  let app: FastifyInstance;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    app = await buildApp(ctx());
    workspace = await createTestWorkspace(ctx());
  });
  afterAll(() => app.close());
  afterEach(() => {
    afterAnalysis.length = 0;
  });

  const as = async (role: 'owner' | 'admin' | 'agent' | 'viewer', ws = workspace) =>
    sessionHeaders(await ws.member(role));
  const get = async (
    url: string,
    role: 'owner' | 'admin' | 'agent' | 'viewer' = 'owner',
    ws = workspace,
  ) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws.id}${url}`,
      headers: await as(role, ws),
    });
  const send = async (
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload: object,
    role: 'owner' | 'admin' | 'agent' | 'viewer' = 'owner',
    ws = workspace,
  ) =>
    app.inject({
      method,
      url: `/api/v1/workspaces/${ws.id}${url}`,
      headers: await as(role, ws),
      payload,
    });

  it('shows analysis in the inbox within the ingest → normalise → analyse path, with filters', async () => {
    const ws = await createTestWorkspace(ctx());
    const entity = await send(
      'POST',
      '/tracked-entities',
      { kind: 'product', name: 'Acme Cloud' },
      'owner',
      ws,
    );
    expect(entity.statusCode).toBe(201);
    const ingest = await send(
      'POST',
      '/feedback',
      {
        items: [
          { text: 'Acme Cloud is wonderful, the team helped me in minutes.' },
          { text: 'The invoice page is broken and slow, very frustrating.' },
          { text: 'Le service client était vraiment excellent et très rapide.' },
        ],
      },
      'owner',
      ws,
    );
    expect(ingest.statusCode).toBe(202);
    await runQueuedNormalisation(ctx(), ws.id);
    expect((await runQueuedAnalysis(ctx(), ws.id)).errors).toEqual([]);

    const list = (await get('/feedback?limit=10', 'viewer', ws)).json();
    const acme = list.items.find((item: { text: string }) => item.text.startsWith('Acme'));
    expect(acme.analysis).toMatchObject({
      sentiment: { label: 'positive', corrected: false },
      duplicateOf: null,
      mentions: [{ kind: 'product', name: 'Acme Cloud', text: 'Acme Cloud', start: 0, end: 10 }],
    });
    expect(acme.analysis.sentences.length).toBeGreaterThan(0);
    const french = list.items.find((item: { text: string }) => item.text.startsWith('Le'));
    expect(french.analysis).toMatchObject({
      language: 'fr',
      sentiment: null,
      notAnalysed: ['sentiment', 'keyPhrases'],
    });

    const texts = async (query: string) =>
      (await get(`/feedback?${query}`, 'viewer', ws))
        .json()
        .items.map((item: { text: string }) => item.text.slice(0, 6));
    expect(await texts('sentiment=negative')).toEqual(['The in']);
    expect(await texts('language=fr')).toEqual(['Le ser']);
    expect(await texts(`entityId=${entity.json().id}`)).toEqual(['Acme C']);
    expect((await get('/feedback?language=French', 'viewer', ws)).statusCode).toBe(400);

    const detail = await get(`/feedback/${acme.id}`, 'viewer', ws);
    expect(detail.json()).toMatchObject({
      id: acme.id,
      analysis: { sentiment: { label: 'positive' } },
    });
    expect(
      (await get('/feedback/00000000-0000-4000-8000-000000000000', 'viewer', ws)).statusCode,
    ).toBe(404);
  });

  it('redacts personal data for viewers when the workspace asks, and only for them', async () => {
    const ws = await createTestWorkspace(ctx());
    const text = 'Call me on +44 20 7946 0958 or write to jo@example.com, the refund is late.';
    const id = await createTestFeedback(ctx(), ws.id, text);
    const analysed = (await get(`/feedback/${id}`, 'viewer', ws)).json();
    expect(analysed.text).toBe(text);

    expect(
      (await send('PATCH', '/analysis/settings', { redactPersonalData: true }, 'agent', ws))
        .statusCode,
    ).toBe(403);
    const on = await send('PATCH', '/analysis/settings', { redactPersonalData: true }, 'admin', ws);
    expect(on.json()).toEqual({ redactPersonalData: true });
    expect((await get('/analysis/settings', 'viewer', ws)).json()).toEqual({
      redactPersonalData: true,
    });

    const viewer = (await get(`/feedback/${id}`, 'viewer', ws)).json();
    expect(viewer.text).toBe('Call me on [phone] or write to [email], the refund is late.');
    // Offsets follow the redacted text.
    const last = viewer.analysis.sentences.at(-1);
    expect(viewer.text.slice(last.start, last.end)).toMatch(/refund is late\.$/);
    for (const role of ['agent', 'admin', 'owner'] as const)
      expect((await get(`/feedback/${id}`, role, ws)).json().text).toBe(text);
    const page = (await get('/feedback', 'viewer', ws)).json();
    expect(page.items[0].text).not.toContain('jo@example.com');
  });

  it('lets agents correct a sentiment label and exports corrections as evaluation lines', async () => {
    const ws = await createTestWorkspace(ctx());
    const id = await createTestFeedback(
      ctx(),
      ws.id,
      'The delivery was late again and the box was damaged.',
    );
    const pending = await createTestFeedback(ctx(), ws.id, 'Not analysed yet', { analyse: false });

    const corrected = await send(
      'PUT',
      `/feedback/${id}/sentiment`,
      { label: 'mixed' },
      'agent',
      ws,
    );
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().sentiment).toMatchObject({ label: 'mixed', corrected: true });
    expect(
      (await send('PUT', `/feedback/${pending}/sentiment`, { label: 'mixed' }, 'agent', ws))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await send(
          'PUT',
          '/feedback/00000000-0000-4000-8000-000000000000/sentiment',
          { label: 'mixed' },
          'agent',
          ws,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await send('PUT', `/feedback/${id}/sentiment`, { label: 'angry' }, 'agent', ws)).statusCode,
    ).toBe(400);
    await send('PUT', `/feedback/${id}/sentiment`, { label: 'negative' }, 'agent', ws);

    const exported = await get('/analysis/corrections', 'admin', ws);
    expect(exported.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = exported.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        id,
        text: 'The delivery was late again and the box was damaged.',
        label: 'negative',
        source: 'correction',
        split: 'test',
      },
    ]);
    expect((await get(`/feedback?sentiment=negative`, 'viewer', ws)).json().items).toHaveLength(1);
  });

  it('starts, joins and reports re-analysis runs', async () => {
    const ws = await createTestWorkspace(ctx());
    await createTestFeedback(ctx(), ws.id, 'One item to analyse again.', { analyse: false });
    const started = await send('POST', '/analysis/runs', { scope: 'all' }, 'admin', ws);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ scope: 'all', state: 'running', total: 1, done: 0 });
    const joined = await send('POST', '/analysis/runs', {}, 'admin', ws);
    expect(joined.json().id).toBe(started.json().id);
    expect((await get(`/analysis/runs/${started.json().id}`, 'admin', ws)).json()).toMatchObject({
      total: 1,
    });
    expect((await get('/analysis/runs', 'admin', ws)).json().items).toHaveLength(1);
    expect(
      (await get('/analysis/runs/00000000-0000-4000-8000-000000000000', 'admin', ws)).statusCode,
    ).toBe(404);
  });

  it('shows an analysis that failed every attempt in the dead-letter view, and retries only it', async () => {
    const ws = await createTestWorkspace(ctx());
    afterAnalysis.push(async (items) => {
      if (items.some((item) => item.text.includes('poison')))
        throw new Error('theme store unavailable');
    });
    await send(
      'POST',
      '/feedback',
      { items: [{ text: 'A fine message.' }, { text: 'A poison message.' }] },
      'owner',
      ws,
    );
    await runQueuedNormalisation(ctx(), ws.id);
    const [job] = await queryRows<{ id: number; payload: { feedbackIds: string[] } }>(
      ctx().db,
      sql`UPDATE jobs SET state = 'running', attempts = max_attempts, locked_by = 'test-worker'
          WHERE workspace_id = ${ws.id} AND name = 'analysis.run' RETURNING id::int AS id, payload`,
    );
    const error = await analysisRunJob
      .handler(job!.payload, {
        db: ctx().db,
        jobId: job!.id,
        attempt: 5,
        workspaceId: ws.id,
        log,
        signal: new AbortController().signal,
      })
      .catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    // What the worker does with a job out of attempts.
    await failJob(ctx().db, job!.id, 'test-worker', (error as Error).message, null);

    const dead = (await get('/jobs?state=dead', 'admin', ws)).json();
    expect(dead.items).toEqual([
      expect.objectContaining({
        id: job!.id,
        name: 'analysis.run',
        lastError: expect.stringMatching(
          /1 of 2 items could not be analysed: feedback [0-9a-f-]{36}: theme store unavailable/,
        ),
      }),
    ]);
    expect((await get('/overview', 'viewer', ws)).json().jobs.dead).toBe(1);
    const poison = (await get('/feedback', 'viewer', ws))
      .json()
      .items.find((item: { text: string }) => item.text.includes('poison'));
    expect(poison.analysis).toBeNull();

    afterAnalysis.length = 0;
    expect((await send('POST', `/jobs/${job!.id}/retry`, {}, 'admin', ws)).statusCode).toBe(200);
    const retried = await runQueuedAnalysis(ctx(), ws.id);
    expect(retried).toEqual({ jobs: [job!.id], errors: [] });
    const after = (await get(`/feedback/${poison.id}`, 'viewer', ws)).json();
    expect(after.analysis).not.toBeNull();
  });

  it('lists duplicate groups, redacted for viewers when asked', async () => {
    const ws = await createTestWorkspace(ctx());
    const complaint =
      'My parcel never arrived and nobody replies to jo@example.com about the refund at all';
    const first = await createTestFeedback(ctx(), ws.id, complaint, {
      receivedAt: new Date('2024-01-01T00:00:00Z'),
    });
    await createTestFeedback(ctx(), ws.id, `${complaint}!`, {
      receivedAt: new Date('2024-01-02T00:00:00Z'),
    });
    await send('PATCH', '/analysis/settings', { redactPersonalData: true }, 'admin', ws);
    const groups = (await get('/duplicates', 'viewer', ws)).json().items;
    expect(groups).toEqual([expect.objectContaining({ feedbackId: first, repeats: 1 })]);
    expect(groups[0].text).toContain('[email]');
    expect((await get('/duplicates?kind=same-person', 'admin', ws)).json().items).toEqual([]);
    expect((await get('/duplicates?kind=everyone', 'viewer', ws)).statusCode).toBe(400);
    expect((await get(`/feedback/${first}`, 'owner', ws)).json().analysis.duplicateOf).toBeNull();
  });

  it('keeps workspaces apart', async () => {
    const other = await createTestWorkspace(ctx());
    const id = await createTestFeedback(ctx(), other.id, 'Only the other workspace has this.');
    expect((await get(`/feedback/${id}`, 'owner')).statusCode).toBe(404);
    expect(
      (await send('PUT', `/feedback/${id}/sentiment`, { label: 'positive' }, 'owner')).statusCode,
    ).toBe(404);
  });
});

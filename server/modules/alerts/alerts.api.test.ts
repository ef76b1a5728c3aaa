import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { createSampleAlert, createTheme, seedAnalysedFeedback } from './alerts.fixture.ts';
import { evaluateAlerts } from './alerts.service.ts';
import { startReceiver, type Receiver } from './receiver.test-helper.ts';
import { detectSpikes } from './spikes.service.ts';
import { verifySignature } from './signature.ts';

describeEachEngine(
  'alerts API',
  ({ ctx }) => {
    let app: FastifyInstance;
    let receiver: Receiver;
    beforeAll(async () => {
      app = await buildApp(ctx());
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await app.close();
      await receiver.close();
    });

    async function owner() {
      const workspace = await createTestWorkspace(ctx());
      const headers = sessionHeaders(workspace.owner);
      const base = `/api/v1/workspaces/${workspace.id}`;
      const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
        app.inject({ method, url: `${base}${path}`, headers, ...(payload ? { payload } : {}) });
      return { workspace, call };
    }

    it('creates a rule, shows a signed webhook’s secret once and never its URL', async () => {
      const { call } = await owner();
      const hookUrl = `${receiver.url}/hooks/T123/secret-token`;
      const created = await call('POST', '/alert-rules', {
        name: 'Angry strategic customers',
        conditions: [
          { type: 'score_at_most', scoreType: 'nps', value: 6 },
          { type: 'account_tier', tiers: ['strategic'] },
        ],
        destinations: [
          { kind: 'webhook', url: hookUrl },
          { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/XXXX' },
          { kind: 'email', addresses: ['ops@example.test'] },
        ],
      });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body.rule).toMatchObject({ kind: 'feedback', enabled: true });
      expect(body.secrets).toHaveLength(1);
      expect(body.secrets[0].secret).toMatch(/^whsec_/);
      expect(body.rule.destinations.map((d: { label: string }) => d.label)).toEqual([
        `${receiver.url}/hooks/…`,
        'https://hooks.slack.com/services/…',
        'ops@example.test',
      ]);
      const listed = await call('GET', '/alert-rules');
      const text = listed.body;
      expect(text).not.toContain('secret-token');
      expect(text).not.toContain('XXXX');
      expect(text).not.toContain(body.secrets[0].secret);
      expect(listed.json().items[0].destinations[0]).toMatchObject({
        kind: 'webhook',
        signed: true,
      });
      expect(JSON.stringify(listed.json())).not.toMatch(/"(url|secret)"/);
    });

    it('updates, adds and removes destinations, sends a test and deletes a rule', async () => {
      const { call } = await owner();
      const rule = (
        await call('POST', '/alert-rules', {
          name: 'Refunds',
          conditions: [{ type: 'keyword', words: ['refund'] }],
        })
      ).json().rule;
      expect(rule.destinations).toEqual([]);
      const noDestinations = await call('POST', `/alert-rules/${rule.id}/test`);
      expect(noDestinations.statusCode).toBe(409);

      const patched = await call('PATCH', `/alert-rules/${rule.id}`, {
        enabled: false,
        conditions: [{ type: 'spike', subjects: ['competitor'] }],
      });
      expect(patched.json()).toMatchObject({
        enabled: false,
        kind: 'spike',
        conditions: [
          { type: 'spike', subjects: ['competitor'], minSeverity: 'notable', direction: 'rise' },
        ],
      });

      const path = `/test-${Date.now()}`;
      const added = await call('POST', `/alert-rules/${rule.id}/destinations`, {
        kind: 'webhook',
        url: `${receiver.url}${path}`,
      });
      expect(added.statusCode).toBe(201);
      const { destination, secret } = added.json();
      expect(secret).toMatch(/^whsec_/);

      const tested = await call('POST', `/alert-rules/${rule.id}/test`);
      expect(tested.json()).toEqual({
        results: [
          { destinationId: destination.id, kind: 'webhook', ok: true, detail: 'delivered' },
        ],
      });
      const request = receiver.requests.find((r) => r.path === path)!;
      expect(request.headers['x-hearken-event']).toBe('alert.test');
      expect(
        verifySignature(secret, request.body, String(request.headers['x-hearken-signature'])),
      ).toEqual({ ok: true });
      expect(JSON.parse(request.body).spike.sentence).toContain('the usual volume');

      const removed = await call(
        'DELETE',
        `/alert-rules/${rule.id}/destinations/${destination.id}`,
      );
      expect(removed.statusCode).toBe(204);
      expect(
        (await call('DELETE', `/alert-rules/${rule.id}/destinations/${destination.id}`)).statusCode,
      ).toBe(404);
      expect((await call('DELETE', `/alert-rules/${rule.id}`)).statusCode).toBe(204);
      expect((await call('GET', '/alert-rules')).json().items).toEqual([]);
      expect((await call('PATCH', `/alert-rules/${rule.id}`, { name: 'x' })).statusCode).toBe(404);
    });

    it('refuses invalid rules with 400 and details', async () => {
      const { call } = await owner();
      const bad = async (body: object, path: RegExp) => {
        const response = await call('POST', '/alert-rules', body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('invalid_request');
        expect(
          response.json().error.details.map((detail: { path: string }) => detail.path),
        ).toEqual(expect.arrayContaining([expect.stringMatching(path)]));
      };
      const name = 'Bad';
      await bad({ name, conditions: [] }, /conditions/);
      await bad(
        {
          name,
          conditions: [
            { type: 'spike', subjects: ['theme'] },
            { type: 'score_at_most', value: 3 },
          ],
        },
        /conditions/,
      );
      await bad({ name, conditions: [{ type: 'keyword', words: ['x'.repeat(61)] }] }, /words/);
      await bad(
        { name, conditions: [{ type: 'score_at_most', value: 6, extra: 1 }] },
        /conditions/,
      );
      await bad(
        {
          name,
          conditions: [{ type: 'score_at_most', value: 6 }],
          destinations: [{ kind: 'webhook', url: 'ftp://example.com/x' }],
        },
        /destinations/,
      );
      await bad(
        {
          name,
          conditions: [{ type: 'score_at_most', value: 6 }],
          destinations: [{ kind: 'email', addresses: [] }],
        },
        /destinations/,
      );
      await bad(
        {
          name,
          conditions: [{ type: 'score_at_most', value: 6 }],
          destinations: [{ kind: 'email', teamId: '00000000-0000-4000-8000-000000000000' }],
        },
        /destinations\.0\.teamId/,
      );
      const filter = await call('GET', '/alerts?acknowledged=maybe');
      expect(filter.statusCode).toBe(400);
      const spikes = await call('GET', '/spikes?subjectKind=weather');
      expect(spikes.statusCode).toBe(400);
    });

    it('lists alerts with the customer’s words and deliveries, filters them and acknowledges', async () => {
      const { workspace, call } = await owner();
      const { alertId, ruleId, feedbackId } = await createSampleAlert(ctx(), workspace.id);
      const listed = (await call('GET', '/alerts')).json().items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        id: alertId,
        rule: { id: ruleId, name: 'Detractors' },
        matched: [{ type: 'score_at_most', detail: 'NPS 2 ≤ 6' }],
        acknowledgedAt: null,
        feedback: { id: feedbackId, text: 'The checkout failed twice.', score: 2 },
        spike: null,
        deliveries: [{ kind: 'email', label: 'ops@example.test', status: 'pending', attempts: 0 }],
      });
      expect((await call('GET', `/alerts?alertId=${alertId}`)).json().items).toHaveLength(1);
      expect((await call('GET', '/alerts?acknowledged=true')).json().items).toHaveLength(0);
      const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
      expect((await call('GET', `/alerts?from=${future}`)).json().items).toHaveLength(0);

      expect((await call('POST', `/alerts/${alertId}/acknowledge`)).statusCode).toBe(204);
      const acknowledged = (await call('GET', '/alerts?acknowledged=true')).json().items;
      expect(acknowledged[0]).toMatchObject({ id: alertId, acknowledgedBy: 'Olive Owner' });
      expect(acknowledged[0].acknowledgedAt).not.toBeNull();
      const missing = await call('POST', `/alerts/${crypto.randomUUID()}/acknowledge`);
      expect(missing.statusCode).toBe(404);
    });

    it('hides personal data from viewers when the workspace redacts it', async () => {
      const { workspace, call } = await owner();
      const rule = await call('POST', '/alert-rules', {
        name: 'Low',
        conditions: [{ type: 'score_at_most', value: 6 }],
      });
      expect(rule.statusCode).toBe(201);
      const id = await seedAnalysedFeedback(ctx(), workspace.id, {
        text: 'Write to pat@example.com about it',
      });
      await evaluateAlerts(ctx().db, workspace.id, [id]);
      await ctx().db.execute(
        sql`UPDATE workspaces SET redact_personal_data = true WHERE id = ${workspace.id}`,
      );
      const viewer = await workspace.member('viewer');
      const asViewer = await app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.id}/alerts`,
        headers: sessionHeaders(viewer),
      });
      expect(asViewer.json().items[0].feedback.text).toBe('Write to [email] about it');
      expect((await call('GET', '/alerts')).json().items[0].feedback.text).toContain(
        'pat@example.com',
      );
    });

    it('retries only dead deliveries', async () => {
      const { workspace, call } = await owner();
      const { alertId } = await createSampleAlert(ctx(), workspace.id);
      const delivery = (await call('GET', '/alerts')).json().items[0].deliveries[0];
      expect((await call('POST', `/alert-deliveries/${delivery.id}/retry`)).statusCode).toBe(409);
      await ctx().db.execute(
        sql`UPDATE alert_deliveries SET status = 'dead' WHERE workspace_id = ${workspace.id}`,
      );
      expect((await call('POST', `/alert-deliveries/${delivery.id}/retry`)).statusCode).toBe(204);
      const after = (await call('GET', `/alerts?alertId=${alertId}`)).json().items[0];
      expect(after.deliveries[0].status).toBe('pending');
    });

    it('lists spikes with their series and baseline band, and the alerts they fired', async () => {
      const { workspace, call } = await owner();
      const theme = await createTheme(ctx(), workspace.id, 'Login');
      await call('POST', '/alert-rules', {
        name: 'Theme spikes',
        conditions: [{ type: 'spike', subjects: ['theme'] }],
      });
      const end = new Date();
      end.setUTCMinutes(0, 0, 0);
      for (let day = 1; day <= 10; day += 1)
        await seedAnalysedFeedback(ctx(), workspace.id, {
          themeIds: [theme],
          receivedAt: new Date(end.getTime() - day * 86_400_000 - 60_000),
        });
      for (let i = 0; i < 6; i += 1)
        await seedAnalysedFeedback(ctx(), workspace.id, {
          themeIds: [theme],
          receivedAt: new Date(end.getTime() - 60_000),
        });
      const run = await detectSpikes(ctx().db, workspace.id, end);
      expect(run.spikes).toBeGreaterThanOrEqual(1);
      const spikes = (await call('GET', '/spikes?subjectKind=theme')).json().items;
      expect(spikes).toHaveLength(1);
      expect(spikes[0]).toMatchObject({
        subjectKind: 'theme',
        subjectId: theme,
        subjectName: 'Login',
        direction: 'rise',
        count: 6,
      });
      expect(spikes[0].series.counts.at(-1)).toBe(6);
      expect(spikes[0].series.band.high).toBeLessThan(6);
      const alerts = (await call('GET', '/alerts')).json().items;
      expect(alerts.length).toBeGreaterThanOrEqual(1);
      expect(alerts[0].spike).toMatchObject({ subjectName: 'Login' });
      expect(alerts[0].feedback).toBeNull();
    });
  },
  { OUTBOUND_ALLOW_PRIVATE: 'true' },
);

describeEachEngine('alerts API with the SSRF guard on', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('refuses a destination URL that names a private or loopback address', async () => {
    const workspace = await createTestWorkspace(ctx());
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/alert-rules`,
        headers: sessionHeaders(workspace.owner),
        payload: {
          name: 'Internal',
          conditions: [{ type: 'score_at_most', value: 6 }],
          destinations: [{ kind: 'webhook', url }],
        },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        path: 'body.destinations.0.url',
        message: expect.stringContaining('Refused to connect'),
      });
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine, testConfig } from '../../test/engines.ts';
import { createTestWorkspace, createTestUser } from '../../test/fixtures.ts';
import { staffTeams } from '../../db/schema/index.ts';
import { upsertMembership } from '../workspaces/workspaces.repository.ts';
import { listOutbox } from '../outbox/outbox.service.ts';
import { createSampleRule, seedAnalysedFeedback } from './alerts.fixture.ts';
import { evaluateAlerts, retryDelivery } from './alerts.service.ts';
import type { RuleInput } from './alerts.schemas.ts';
import { deliverAlert, DELIVERY_ATTEMPTS, policyFor } from './delivery.service.ts';
import { startReceiver, type Receiver } from './receiver.test-helper.ts';
import { verifySignature } from './signature.ts';

describeEachEngine(
  'alert deliveries',
  ({ ctx }) => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());

    const deps = (context: AppContext = ctx()) => ({
      db: context.db,
      config: context.config,
      policy: policyFor(context.config),
    });

    /** A rule with these destinations, one low-score item, evaluated: its delivery rows. */
    async function fire(destinations: RuleInput['destinations'], seed = {}) {
      const workspace = await createTestWorkspace(ctx());
      const created = await createSampleRule(ctx(), workspace.id, { destinations });
      const feedbackId = await seedAnalysedFeedback(ctx(), workspace.id, { score: 2, ...seed });
      await evaluateAlerts(ctx().db, workspace.id, [feedbackId]);
      const deliveries = await queryRows<{ id: string; kind: string }>(
        ctx().db,
        sql`SELECT id, kind FROM alert_deliveries WHERE workspace_id = ${workspace.id} ORDER BY kind`,
      );
      return { workspace, feedbackId, deliveries, secrets: created.secrets };
    }

    const deliveryRow = async (workspaceId: string, id: string) =>
      (
        await queryRows<{
          status: string;
          attempts: number;
          lastError: string | null;
          responseStatus: number | null;
        }>(
          ctx().db,
          sql`SELECT status, attempts, last_error AS "lastError", response_status AS "responseStatus"
              FROM alert_deliveries WHERE workspace_id = ${workspaceId} AND id = ${id}`,
        )
      )[0];

    const requestsTo = (path: string) => receiver.requests.filter((r) => r.path === path);

    it('retries a signed webhook that fails, then records it sent, once', async () => {
      const path = `/hook-${Date.now()}`;
      const { workspace, deliveries, secrets, feedbackId } = await fire([
        { kind: 'webhook', url: `${receiver.url}${path}` },
      ]);
      const id = deliveries[0]!.id;
      receiver.answers.push(500, 503);
      const attempt = (number: number) =>
        deliverAlert(deps(), workspace.id, id, { number, max: DELIVERY_ATTEMPTS });
      await expect(attempt(1)).rejects.toThrow(/answered 500/);
      expect(await deliveryRow(workspace.id, id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        responseStatus: 500,
        lastError: expect.stringContaining('status 500 from the test receiver'),
      });
      await expect(attempt(2)).rejects.toThrow(/answered 503/);
      expect(await attempt(3)).toBe('sent');
      expect(await attempt(4)).toBe('skipped');
      expect(await deliveryRow(workspace.id, id)).toEqual({
        status: 'sent',
        attempts: 3,
        lastError: null,
        responseStatus: 200,
      });

      const received = requestsTo(path);
      expect(received).toHaveLength(3);
      const last = received[2]!;
      expect(last.headers['x-hearken-delivery']).toBe(id);
      expect(last.headers['x-hearken-event']).toBe('alert.fired');
      const signature = String(last.headers['x-hearken-signature']);
      expect(verifySignature(secrets[0]!.secret, last.body, signature)).toEqual({ ok: true });
      expect(verifySignature(secrets[0]!.secret, `${last.body} `, signature).ok).toBe(false);
      const body = JSON.parse(last.body);
      expect(body).toMatchObject({
        type: 'alert.fired',
        deliveryId: id,
        workspaceId: workspace.id,
        feedback: { id: feedbackId, score: 2, scoreType: 'nps', sentimentLabel: 'negative' },
        url: expect.stringMatching(
          new RegExp(`^https://hearken\\.example\\.test/w/${workspace.id}/alerts\\?alert=`),
        ),
      });
    });

    it('marks a delivery dead after its last attempt, and a retry sends it again', async () => {
      const path = `/down-${Date.now()}`;
      const { workspace, deliveries } = await fire([
        { kind: 'webhook', url: `${receiver.url}${path}` },
      ]);
      const id = deliveries[0]!.id;
      receiver.answers.push(500, 502, 504);
      for (const number of [1, 2])
        await expect(deliverAlert(deps(), workspace.id, id, { number, max: 3 })).rejects.toThrow();
      expect(await deliverAlert(deps(), workspace.id, id, { number: 3, max: 3 })).toBe('dead');
      expect(await deliveryRow(workspace.id, id)).toMatchObject({ status: 'dead', attempts: 3 });
      // A late duplicate run of the job changes nothing.
      expect(await deliverAlert(deps(), workspace.id, id, { number: 3, max: 3 })).toBe('skipped');

      await retryDelivery(ctx(), workspace.id, id);
      await retryDelivery(ctx(), workspace.id, id).catch(() => undefined); // now pending: refused
      const jobs = await queryRows<{ key: string }>(
        ctx().db,
        sql`SELECT unique_key AS key FROM jobs WHERE workspace_id = ${workspace.id}
            AND name = 'alerts.deliver' ORDER BY id`,
      );
      expect(jobs.map((job) => job.key)).toEqual([
        `alert-delivery:${id}`,
        `alert-delivery:${id}:after:3`,
      ]);
      expect(await deliverAlert(deps(), workspace.id, id, { number: 1, max: 3 })).toBe('sent');
      expect(await deliveryRow(workspace.id, id)).toMatchObject({ status: 'sent', attempts: 4 });
      expect(requestsTo(path)).toHaveLength(4);
    });

    it('gives up at once when trying again cannot help', async () => {
      const path = `/gone-${Date.now()}`;
      const { workspace, deliveries } = await fire([
        { kind: 'slack', url: `${receiver.url}${path}` },
      ]);
      receiver.answers.push(404);
      const id = deliveries[0]!.id;
      expect(await deliverAlert(deps(), workspace.id, id, { number: 1, max: 6 })).toBe('dead');
      expect(await deliveryRow(workspace.id, id)).toMatchObject({
        status: 'dead',
        attempts: 1,
        responseStatus: 404,
      });
    });

    it('refuses private addresses unless the operator allows them (SSRF guard)', async () => {
      const guarded = { ...ctx(), config: testConfig({ PUBLIC_URL: 'https://h.example.test' }) };
      const path = `/private-${Date.now()}`;
      const { workspace, deliveries } = await fire([
        { kind: 'webhook', url: `${receiver.url}${path}` },
      ]);
      const id = deliveries[0]!.id;
      expect(await deliverAlert(deps(guarded), workspace.id, id, { number: 1, max: 6 })).toBe(
        'dead',
      );
      expect((await deliveryRow(workspace.id, id))?.lastError).toMatch(/Refused to connect/);
      expect(requestsTo(path)).toHaveLength(0);
    });

    it('posts a Slack message with score, sentiment, the words and a link, redacted when asked', async () => {
      const path = `/slack-${Date.now()}`;
      const text = 'Call me on +1 555 010 0199 or mail sam@example.com, checkout is broken.';
      const { workspace, deliveries } = await fire(
        [{ kind: 'slack', url: `${receiver.url}${path}` }],
        { text },
      );
      await ctx().db.execute(
        sql`UPDATE workspaces SET redact_personal_data = true WHERE id = ${workspace.id}`,
      );
      expect(
        await deliverAlert(deps(), workspace.id, deliveries[0]!.id, { number: 1, max: 6 }),
      ).toBe('sent');
      const [request] = requestsTo(path);
      const message = JSON.parse(request!.body);
      const flat = JSON.stringify(message);
      expect(message.text).toBe('Detractors: NPS 2, negative (survey)');
      expect(flat).toContain('*Score*\\nNPS 2');
      expect(flat).toContain('*Sentiment*\\nnegative');
      expect(flat).toContain('> Call me on [phone] or mail [email], checkout is broken.');
      expect(flat).not.toContain('sam@example.com');
      expect(flat).not.toContain('555 010');
      const button = message.blocks.at(-1).elements[0];
      expect(button.url).toMatch(/^https:\/\/hearken\.example\.test\/w\/.+\/alerts\?alert=/);
    });

    it('sends e-mail through the outbox to addresses, the team lead and members by role', async () => {
      const workspace = await createTestWorkspace(ctx());
      const [team] = await ctx()
        .db.insert(staffTeams)
        .values({ workspaceId: workspace.id, name: 'Support', leadEmail: 'lead@example.test' })
        .returning({ id: staffTeams.id });
      const admin = await createTestUser(ctx(), 'Ada Admin');
      await upsertMembership(ctx().db, workspace.id, admin.id, 'admin');
      await createSampleRule(ctx(), workspace.id, {
        destinations: [
          {
            kind: 'email',
            addresses: ['ops@example.test'],
            teamId: team!.id,
            roles: ['admin'],
          },
        ],
      });
      const feedbackId = await seedAnalysedFeedback(ctx(), workspace.id, { score: 1 });
      await evaluateAlerts(ctx().db, workspace.id, [feedbackId]);
      const [delivery] = await queryRows<{ id: string }>(
        ctx().db,
        sql`SELECT id FROM alert_deliveries WHERE workspace_id = ${workspace.id}`,
      );
      for (const number of [1, 2])
        await deliverAlert(deps(), workspace.id, delivery!.id, { number, max: 6 });
      const mail = await listOutbox(ctx(), workspace.id, 10);
      expect(mail.map((message) => message.to).sort()).toEqual(
        ['ops@example.test', 'lead@example.test', admin.email.toLowerCase()].sort(),
      );
      expect(mail.every((message) => message.state === 'local')).toBe(true);
      expect(mail[0]!.subject).toBe('Detractors: NPS 1, negative (survey)');
      expect(mail[0]!.text).toContain('“The checkout failed twice.”');
      expect(await deliveryRow(workspace.id, delivery!.id)).toMatchObject({
        status: 'sent',
        attempts: 1,
      });
    });

    it('marks a delivery dead when its destination was removed', async () => {
      const { workspace, deliveries } = await fire([
        { kind: 'webhook', url: `${receiver.url}/removed` },
      ]);
      await ctx().db.execute(
        sql`DELETE FROM alert_destinations WHERE workspace_id = ${workspace.id}`,
      );
      expect(
        await deliverAlert(deps(), workspace.id, deliveries[0]!.id, { number: 1, max: 6 }),
      ).toBe('dead');
      expect((await deliveryRow(workspace.id, deliveries[0]!.id))?.lastError).toBe(
        'the destination was removed',
      );
    });
  },
  { OUTBOUND_ALLOW_PRIVATE: 'true', PUBLIC_URL: 'https://hearken.example.test' },
);

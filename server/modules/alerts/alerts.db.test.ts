import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createLogger } from '../../logger.ts';
import {
  createEntity,
  createSampleRule,
  createTheme,
  seedAnalysedFeedback,
} from './alerts.fixture.ts';
import { alertJobs } from './alerts.jobs.ts';
import { evaluateAlerts } from './alerts.service.ts';
import { policyFor } from './delivery.service.ts';
import { startReceiver, type Receiver } from './receiver.test-helper.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

describeEachEngine(
  'alert evaluation',
  ({ ctx }) => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());

    const counts = async (workspaceId: string) => {
      const [row] = await queryRows<{ alerts: number; deliveries: number; jobs: number }>(
        ctx().db,
        sql`SELECT (SELECT count(*)::int FROM alerts WHERE workspace_id = ${workspaceId}) AS alerts,
              (SELECT count(*)::int FROM alert_deliveries WHERE workspace_id = ${workspaceId}) AS deliveries,
              (SELECT count(*)::int FROM jobs WHERE workspace_id = ${workspaceId} AND name = 'alerts.deliver') AS jobs`,
      );
      return row!;
    };

    it('fires one alert per rule and item however often evaluation runs', async () => {
      const workspace = await createTestWorkspace(ctx());
      const { rule } = await createSampleRule(ctx(), workspace.id, {
        destinations: [
          { kind: 'email', addresses: ['ops@example.test'], roles: [] },
          { kind: 'webhook', url: `${receiver.url}/hook` },
        ],
      });
      const low = await seedAnalysedFeedback(ctx(), workspace.id, { score: 2 });
      const high = await seedAnalysedFeedback(ctx(), workspace.id, { score: 9 });
      const first = await evaluateAlerts(ctx().db, workspace.id, [low, high]);
      expect(first).toEqual({ evaluated: 2, fired: 1 });
      const again = await evaluateAlerts(ctx().db, workspace.id, [low, high, low]);
      expect(again).toEqual({ evaluated: 2, fired: 0 });
      await Promise.all([
        evaluateAlerts(ctx().db, workspace.id, [low]),
        evaluateAlerts(ctx().db, workspace.id, [low]),
      ]);
      expect(await counts(workspace.id)).toEqual({ alerts: 1, deliveries: 2, jobs: 2 });
      const [alert] = await queryRows<{ ruleId: string; feedbackId: string; matched: unknown }>(
        ctx().db,
        sql`SELECT rule_id AS "ruleId", feedback_id AS "feedbackId", matched FROM alerts
            WHERE workspace_id = ${workspace.id}`,
      );
      expect(alert).toEqual({
        ruleId: rule.id,
        feedbackId: low,
        matched: [{ type: 'score_at_most', detail: 'NPS 2 ≤ 6' }],
      });
    });

    it('evaluates every kind of condition against the stored analysis, themes and mentions', async () => {
      const workspace = await createTestWorkspace(ctx());
      const theme = await createTheme(ctx(), workspace.id, 'Checkout');
      const rival = await createEntity(ctx(), workspace.id, 'competitor', 'RivalCo');
      await createSampleRule(ctx(), workspace.id, {
        name: 'Strategic churn risk',
        conditions: [
          { type: 'sentiment', labels: ['negative'] },
          { type: 'account_tier', tiers: ['strategic'] },
          { type: 'theme', themeIds: [theme] },
          { type: 'keyword', words: ['cancel'] },
          { type: 'competitor', entityIds: [rival] },
        ],
      });
      const seed = {
        text: 'We will CANCEL and move to RivalCo.',
        sentiment: 'negative' as const,
        tier: 'strategic' as const,
        themeIds: [theme],
        mentionsOf: [{ kind: 'competitor' as const, entityId: rival }],
      };
      const hit = await seedAnalysedFeedback(ctx(), workspace.id, seed);
      const misses = await Promise.all([
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, sentiment: 'positive' }),
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, tier: 'standard' }),
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, themeIds: [] }),
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, text: 'cancellation is hard' }),
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, mentionsOf: [] }),
        seedAnalysedFeedback(ctx(), workspace.id, { ...seed, sentiment: null }),
      ]);
      const result = await evaluateAlerts(ctx().db, workspace.id, [hit, ...misses]);
      expect(result).toEqual({ evaluated: 7, fired: 1 });
      const fired = await queryRows<{ feedbackId: string }>(
        ctx().db,
        sql`SELECT feedback_id AS "feedbackId" FROM alerts WHERE workspace_id = ${workspace.id}`,
      );
      expect(fired).toEqual([{ feedbackId: hit }]);
    });

    it('leaves old items, disabled rules and other workspaces alone', async () => {
      const workspace = await createTestWorkspace(ctx());
      const other = await createTestWorkspace(ctx());
      await createSampleRule(ctx(), workspace.id);
      await createSampleRule(ctx(), workspace.id, { name: 'Off', enabled: false });
      const old = await seedAnalysedFeedback(ctx(), workspace.id, {
        score: 0,
        receivedAt: new Date(Date.now() - 4 * 24 * 3600_000),
      });
      const foreign = await seedAnalysedFeedback(ctx(), other.id, { score: 0 });
      const fresh = await seedAnalysedFeedback(ctx(), workspace.id, { score: 0 });
      const result = await evaluateAlerts(ctx().db, workspace.id, [old, foreign, fresh]);
      expect(result).toEqual({ evaluated: 1, fired: 1 });
      expect(await counts(other.id)).toEqual({ alerts: 0, deliveries: 0, jobs: 0 });
    });

    it('runs as the alerts.evaluate job', async () => {
      const workspace = await createTestWorkspace(ctx());
      await createSampleRule(ctx(), workspace.id);
      const low = await seedAnalysedFeedback(ctx(), workspace.id, { score: 1 });
      const { evaluateJob } = alertJobs(() => ({
        config: ctx().config,
        policy: policyFor(ctx().config),
      }));
      const run = () =>
        evaluateJob.handler(evaluateJob.payload.parse({ feedbackIds: [low] }), {
          db: ctx().db,
          jobId: 0,
          attempt: 1,
          workspaceId: workspace.id,
          log,
          signal: new AbortController().signal,
        });
      await run();
      await run();
      expect((await counts(workspace.id)).alerts).toBe(1);
    });
  },
  { OUTBOUND_ALLOW_PRIVATE: 'true' },
);

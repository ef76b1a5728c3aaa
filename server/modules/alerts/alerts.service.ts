import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import * as repo from './alerts.repository.ts';
import type { AlertsQuery } from './alerts.schemas.ts';
import { redactionOf, retryDeadDelivery } from './deliveries.repository.ts';
import { DELIVERY_ATTEMPTS } from './delivery.service.ts';
import { matchesRule } from './evaluate.ts';
import { parseRules } from './rules.parse.ts';
import { listEnabledRules } from './rules.repository.ts';
import { listSpikes } from './spikes.repository.ts';

/** Items older than this are not alerted on: importing or re-analysing history pages nobody. */
export const ALERT_MAX_AGE_HOURS = 72;
const EVALUATION_CHUNK = 500;

/**
 * Fires the workspace's enabled feedback rules for these items, after their analysis is stored.
 * Each rule fires at most once per item however often this runs (a unique key on rule and item);
 * each new alert gets a pending delivery and a delivery job per destination. Cheap when the
 * workspace has no rules: one indexed query.
 */
export async function evaluateAlerts(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
): Promise<{ evaluated: number; fired: number }> {
  if (feedbackIds.length === 0) return { evaluated: 0, fired: 0 };
  const rules = parseRules(await listEnabledRules(db, workspaceId, 'feedback'));
  if (rules.length === 0) return { evaluated: 0, fired: 0 };
  let evaluated = 0;
  let fired = 0;
  const unique = [...new Set(feedbackIds)];
  for (let start = 0; start < unique.length; start += EVALUATION_CHUNK) {
    const items = await repo.loadAlertItems(
      db,
      workspaceId,
      unique.slice(start, start + EVALUATION_CHUNK),
      ALERT_MAX_AGE_HOURS,
    );
    const matches: repo.FiredAlert[] = [];
    for (const item of items)
      for (const rule of rules) {
        const matched = matchesRule(rule, item);
        if (matched) matches.push({ ruleId: rule.id, feedbackId: item.id, matched });
      }
    evaluated += items.length;
    fired += (await repo.insertAlerts(db, workspaceId, matches, DELIVERY_ATTEMPTS)).length;
  }
  return { evaluated, fired };
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Recent alerts with the customer's words, the spike that fired them and how each delivery went.
 * Viewers see personal data hidden when the workspace redacts it.
 */
export async function listAlerts(
  ctx: AppContext,
  workspaceId: string,
  query: AlertsQuery,
  role: Role,
) {
  const rows = await repo.listAlerts(ctx.db, workspaceId, {
    ...query,
    acknowledged: query.acknowledged === undefined ? undefined : query.acknowledged === 'true',
  });
  const ids = rows.map((row) => row.id);
  const spikeIds = rows.flatMap((row) => (row.spikeId ? [row.spikeId] : []));
  const [deliveries, spikes, redacting] = await Promise.all([
    repo.listDeliveries(ctx.db, workspaceId, ids),
    listSpikes(ctx.db, workspaceId, { ids: spikeIds, limit: spikeIds.length || 1 }),
    role === 'viewer' ? redactionOf(ctx.db, workspaceId) : Promise.resolve(false),
  ]);
  const spikeById = new Map(spikes.map((spike) => [spike.id, presentSpike(spike)]));
  return rows.map((row) => ({
    id: row.id,
    rule: { id: row.ruleId, name: row.ruleName },
    matched: row.matched,
    createdAt: new Date(row.createdAt).toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedBy,
    feedback:
      row.feedbackId && row.channel
        ? {
            id: row.feedbackId,
            channel: row.channel,
            scoreType: row.scoreType,
            score: row.score,
            sentimentLabel: row.sentimentLabel,
            text: redacting
              ? redact(row.text ?? '', findPersonalData(row.text ?? ''))
              : (row.text ?? ''),
            receivedAt: new Date(row.receivedAt ?? row.createdAt).toISOString(),
            accountName: row.accountName,
          }
        : null,
    spike: (row.spikeId && spikeById.get(row.spikeId)) || null,
    deliveries: deliveries
      .filter((delivery) => delivery.alertId === row.id)
      .map(({ alertId: _alert, ...delivery }) => ({
        ...delivery,
        updatedAt: new Date(delivery.updatedAt).toISOString(),
        sentAt: iso(delivery.sentAt),
      })),
  }));
}

export function presentSpike(spike: Awaited<ReturnType<typeof listSpikes>>[number]) {
  return {
    ...spike,
    windowStart: new Date(spike.windowStart).toISOString(),
    windowEnd: new Date(spike.windowEnd).toISOString(),
    detectedAt: new Date(spike.detectedAt).toISOString(),
  };
}

export async function acknowledgeAlert(
  ctx: AppContext,
  workspaceId: string,
  alertId: string,
  userId: string | null,
) {
  if (!(await repo.acknowledgeAlert(ctx.db, workspaceId, alertId, userId)))
    throw errors.notFound('alert', alertId);
}

/** Sends a dead delivery again with a fresh set of attempts. */
export async function retryDelivery(ctx: AppContext, workspaceId: string, deliveryId: string) {
  const delivery = await repo.findDelivery(ctx.db, workspaceId, deliveryId);
  if (!delivery) throw errors.notFound('delivery', deliveryId);
  if (delivery.status !== 'dead')
    throw errors.conflict(
      `This delivery is ${delivery.status}; only dead deliveries can be retried.`,
    );
  await retryDeadDelivery(ctx.db, workspaceId, deliveryId, DELIVERY_ATTEMPTS);
  ctx.jobs.notify();
}

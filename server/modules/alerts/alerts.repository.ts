import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { Channel } from '../../db/schema/index.ts';
import type { SentimentLabel } from '../analysis/types.ts';
import type { AlertItem, MatchedCondition } from './evaluate.ts';

export const DELIVER_JOB = 'alerts.deliver';

/**
 * Feedback items with what the analysis found, shaped for the evaluator. Only items received in
 * the last `maxAgeHours`: re-analysing or importing history must not page anyone about last year.
 */
export function loadAlertItems(
  db: Db,
  workspaceId: string,
  feedbackIds: string[],
  maxAgeHours: number,
) {
  if (feedbackIds.length === 0) return Promise.resolve([]);
  return queryRows<AlertItem>(
    db,
    sql`SELECT f.id, f.channel, f.touchpoint_id AS "touchpointId", f.score_type AS "scoreType",
          f.score, f.text, a.tier AS "accountTier", fa.sentiment_label AS "sentimentLabel",
          coalesce((SELECT jsonb_agg(ft.theme_id) FROM feedback_themes ft
            WHERE ft.workspace_id = f.workspace_id AND ft.feedback_id = f.id), '[]'::jsonb) AS "themeIds",
          coalesce((SELECT jsonb_agg(jsonb_build_object('kind', m.kind, 'entityId', m.entity_id))
            FROM mentions m WHERE m.workspace_id = f.workspace_id AND m.feedback_id = f.id),
            '[]'::jsonb) AS mentions
        FROM feedback f
        LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
        LEFT JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId}
          AND f.id IN (${sql.join(
            feedbackIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          AND f.received_at > now() - make_interval(hours => ${maxAgeHours})`,
  );
}

export interface FiredAlert {
  ruleId: string;
  feedbackId?: string;
  spikeId?: string;
  matched: MatchedCondition[];
}

/**
 * Stores fired alerts, a pending delivery per destination of each rule and a job per delivery,
 * in ONE statement. An alert that exists (same rule and item, or rule and spike) is skipped with
 * everything that would follow it, so evaluating twice notifies once. Returns the new alert ids.
 */
export async function insertAlerts(
  db: Db,
  workspaceId: string,
  fired: FiredAlert[],
  maxAttempts: number,
): Promise<string[]> {
  if (fired.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH incoming AS (
          SELECT (x->>'ruleId')::uuid AS rule_id, (x->>'feedbackId')::uuid AS feedback_id,
            (x->>'spikeId')::uuid AS spike_id, x->'matched' AS matched, n
          FROM jsonb_array_elements(${JSON.stringify(fired)}::jsonb) WITH ORDINALITY AS t(x, n)),
        inserted AS (
          INSERT INTO alerts (workspace_id, rule_id, feedback_id, spike_id, matched)
          SELECT ${workspaceId}::uuid, rule_id, feedback_id, spike_id, matched FROM incoming ORDER BY n
          ON CONFLICT DO NOTHING
          RETURNING id, rule_id),
        deliveries AS (
          INSERT INTO alert_deliveries (workspace_id, alert_id, destination_id, kind, label)
          SELECT ${workspaceId}::uuid, i.id, d.id, d.kind, d.label
          FROM inserted i JOIN alert_destinations d
            ON d.workspace_id = ${workspaceId} AND d.rule_id = i.rule_id
          RETURNING id),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${DELIVER_JOB}, jsonb_build_object('deliveryId', id),
            ${maxAttempts}, 'alert-delivery:' || id::text
          FROM deliveries
          RETURNING id)
        SELECT id FROM inserted`,
  );
  return rows.map((row) => row.id);
}

export interface AlertFilters {
  ruleId?: string | undefined;
  alertId?: string | undefined;
  acknowledged?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export interface AlertListRow {
  id: string;
  ruleId: string;
  ruleName: string;
  matched: MatchedCondition[];
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  feedbackId: string | null;
  channel: Channel | null;
  scoreType: 'nps' | 'csat' | 'ces' | null;
  score: number | null;
  sentimentLabel: SentimentLabel | null;
  text: string | null;
  receivedAt: string | null;
  accountName: string | null;
  spikeId: string | null;
}

/** Newest first, with the item's words; spikes and deliveries are loaded separately. */
export function listAlerts(db: Db, workspaceId: string, filters: AlertFilters) {
  const where = [
    sql`al.workspace_id = ${workspaceId}`,
    filters.ruleId ? sql`al.rule_id = ${filters.ruleId}` : null,
    filters.alertId ? sql`al.id = ${filters.alertId}` : null,
    filters.acknowledged === undefined
      ? null
      : filters.acknowledged
        ? sql`al.acknowledged_at IS NOT NULL`
        : sql`al.acknowledged_at IS NULL`,
    filters.from ? sql`al.created_at >= ${filters.from}::timestamptz` : null,
    filters.to ? sql`al.created_at < ${filters.to}::timestamptz` : null,
  ].filter((part) => part !== null);
  return queryRows<AlertListRow>(
    db,
    sql`SELECT al.id, al.rule_id AS "ruleId", r.name AS "ruleName", al.matched,
          al.created_at AS "createdAt", al.acknowledged_at AS "acknowledgedAt",
          u.name AS "acknowledgedBy", al.feedback_id AS "feedbackId", f.channel,
          f.score_type AS "scoreType", f.score, fa.sentiment_label AS "sentimentLabel",
          left(f.text, 4000) AS text, f.received_at AS "receivedAt", a.name AS "accountName",
          al.spike_id AS "spikeId"
        FROM alerts al
        JOIN alert_rules r ON r.workspace_id = al.workspace_id AND r.id = al.rule_id
        LEFT JOIN users u ON u.id = al.acknowledged_by
        LEFT JOIN feedback f ON f.workspace_id = al.workspace_id AND f.id = al.feedback_id
        LEFT JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
        LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY al.created_at DESC, al.id
        LIMIT ${filters.limit}`,
  );
}

export interface DeliveryRow {
  id: string;
  alertId: string;
  kind: 'email' | 'slack' | 'webhook';
  label: string;
  status: 'pending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  updatedAt: string;
  sentAt: string | null;
}

const deliveryColumns = sql`id, alert_id AS "alertId", kind, label, status, attempts,
  last_error AS "lastError", response_status AS "responseStatus", updated_at AS "updatedAt",
  sent_at AS "sentAt"`;

export function listDeliveries(db: Db, workspaceId: string, alertIds: string[]) {
  if (alertIds.length === 0) return Promise.resolve([]);
  return queryRows<DeliveryRow>(
    db,
    sql`SELECT ${deliveryColumns} FROM alert_deliveries
        WHERE workspace_id = ${workspaceId}
          AND alert_id IN (${sql.join(
            alertIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        ORDER BY created_at, kind, label, id`,
  );
}

export async function findDelivery(db: Db, workspaceId: string, id: string) {
  const [row] = await queryRows<DeliveryRow & { destinationId: string }>(
    db,
    sql`SELECT ${deliveryColumns}, destination_id AS "destinationId" FROM alert_deliveries
        WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
  return row;
}

/** Marks an alert acknowledged by a person (or an API key: no user); the first one counts. */
export async function acknowledgeAlert(
  db: Db,
  workspaceId: string,
  id: string,
  userId: string | null,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, now()),
          acknowledged_by = CASE WHEN acknowledged_at IS NULL THEN ${userId}::uuid ELSE acknowledged_by END
        WHERE workspace_id = ${workspaceId} AND id = ${id}
        RETURNING id`,
  );
  return rows.length === 1;
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { DeliveryStatus } from '../../db/schema/index.ts';
import { DELIVER_JOB } from './alerts.repository.ts';

export interface NoticeRow {
  alertId: string;
  createdAt: string;
  ruleId: string;
  ruleName: string;
  matched: Array<{ type: string; detail: string }>;
  redactPersonalData: boolean;
  feedbackId: string | null;
  channel: string | null;
  scoreType: string | null;
  score: number | null;
  sentimentLabel: string | null;
  sentimentScore: number | null;
  text: string | null;
  receivedAt: string | null;
  accountName: string | null;
  accountTier: string | null;
  spikeId: string | null;
  subjectKind: string | null;
  subjectName: string | null;
  count: number | null;
  expected: number | null;
  ratio: number | null;
  pValue: number | null;
  direction: string | null;
  severity: string | null;
  sentence: string | null;
  windowStart: string | null;
}

/** Everything a notification about one alert says, with the workspace's redaction setting. */
export async function loadNotice(db: Db, workspaceId: string, alertId: string) {
  const [row] = await queryRows<NoticeRow>(
    db,
    sql`SELECT al.id AS "alertId", al.created_at AS "createdAt", r.id AS "ruleId",
          r.name AS "ruleName", al.matched, w.redact_personal_data AS "redactPersonalData",
          f.id AS "feedbackId", f.channel, f.score_type AS "scoreType", f.score,
          fa.sentiment_label AS "sentimentLabel", fa.sentiment_score AS "sentimentScore",
          f.text, f.received_at AS "receivedAt", a.name AS "accountName", a.tier AS "accountTier",
          s.id AS "spikeId", s.subject_kind AS "subjectKind",
          coalesce(t.name, e.name) AS "subjectName", s.count, s.expected, s.ratio,
          s.p_value AS "pValue", s.direction, s.severity, s.sentence, s.window_start AS "windowStart"
        FROM alerts al
        JOIN alert_rules r ON r.workspace_id = al.workspace_id AND r.id = al.rule_id
        JOIN workspaces w ON w.id = al.workspace_id
        LEFT JOIN feedback f ON f.workspace_id = al.workspace_id AND f.id = al.feedback_id
        LEFT JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
        LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
        LEFT JOIN spikes s ON s.workspace_id = al.workspace_id AND s.id = al.spike_id
        LEFT JOIN themes t ON t.workspace_id = s.workspace_id AND t.id = s.subject_id
          AND s.subject_kind IN ('theme', 'theme_negative')
        LEFT JOIN tracked_entities e ON e.workspace_id = s.workspace_id AND e.id = s.subject_id
          AND s.subject_kind IN ('competitor', 'brand')
        WHERE al.workspace_id = ${workspaceId} AND al.id = ${alertId}`,
  );
  return row;
}

export async function redactionOf(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await queryRows<{ redact: boolean }>(
    db,
    sql`SELECT redact_personal_data AS redact FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.redact ?? false;
}

/**
 * Records the outcome of one attempt. Only a delivery still waiting (pending or failed) changes:
 * a late or repeated run cannot turn a sent delivery back into a failure.
 */
export async function recordAttempt(
  db: Db,
  workspaceId: string,
  id: string,
  outcome: { status: DeliveryStatus; error: string | null; responseStatus: number | null },
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE alert_deliveries SET status = ${outcome.status}, attempts = attempts + 1,
          last_error = ${outcome.error?.slice(0, 2000) ?? null},
          response_status = ${outcome.responseStatus}, updated_at = now(),
          sent_at = CASE WHEN ${outcome.status} = 'sent' THEN now() ELSE sent_at END
        WHERE workspace_id = ${workspaceId} AND id = ${id} AND status IN ('pending', 'failed')
        RETURNING id`,
  );
  return rows.length === 1;
}

/**
 * Puts a dead delivery back to pending with a fresh job (and a fresh set of attempts). The job's
 * key names the attempts so far, so pressing "retry" twice queues one job.
 */
export async function retryDeadDelivery(
  db: Db,
  workspaceId: string,
  id: string,
  maxAttempts: number,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH revived AS (
          UPDATE alert_deliveries SET status = 'pending', updated_at = now()
          WHERE workspace_id = ${workspaceId} AND id = ${id} AND status = 'dead'
          RETURNING id, attempts),
        queued AS (
          INSERT INTO jobs (workspace_id, name, payload, max_attempts, unique_key)
          SELECT ${workspaceId}::uuid, ${DELIVER_JOB}, jsonb_build_object('deliveryId', id),
            ${maxAttempts}, 'alert-delivery:' || id::text || ':after:' || attempts::text
          FROM revived
          ON CONFLICT (unique_key) DO NOTHING
          RETURNING id)
        SELECT id FROM revived`,
  );
  return rows.length === 1;
}

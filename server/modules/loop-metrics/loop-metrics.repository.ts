import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/schema/index.ts';

export const METRIC_DIMENSIONS = ['team', 'owner', 'touchpoint', 'month'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export interface Period {
  from: Date;
  to: Date;
}

/** The group's key and label for a case `c` (month: of `at`, in the workspace's time zone). */
function dimension(by: MetricDimension, at: SQL, timezone: string) {
  switch (by) {
    case 'team':
      return {
        key: sql`c.team_id::text`,
        label: sql`(SELECT name FROM staff_teams t WHERE t.workspace_id = c.workspace_id AND t.id = c.team_id)`,
      };
    case 'owner':
      return {
        key: sql`c.owner_id::text`,
        label: sql`(SELECT name FROM users u WHERE u.id = c.owner_id)`,
      };
    case 'touchpoint':
      // The touchpoint of the case's first feedback item.
      return {
        key: sql`(SELECT f.touchpoint_id::text FROM case_feedback cf
                  JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
                  WHERE cf.workspace_id = c.workspace_id AND cf.case_id = c.id
                  ORDER BY f.received_at, f.id LIMIT 1)`,
        label: null,
      };
    case 'month':
      return {
        key: sql`to_char(date_trunc('month', ${at} AT TIME ZONE ${timezone}), 'YYYY-MM')`,
        label: null,
      };
  }
}

export interface CaseFigures {
  /** null on the overall row; a group key otherwise (null key: no team / owner / touchpoint). */
  grouped: boolean;
  key: string | null;
  label: string | null;
  opened: number;
  closed: number;
  responded: number;
  frtMedianHours: number | null;
  frtP90Hours: number | null;
  closeMedianHours: number | null;
  overdue: number;
  detractorsClosed: number;
  wonBack: number;
}

/**
 * Loop figures for the cases opened in the period, per group and overall (grouping sets: one
 * pass). A case is overdue when it is open past its due time now, closed after its due time,
 * or was escalated (its deadline passed while it sat in a stage). A detractor is an NPS of 0–6 or
 * a CSAT of 1–2 before; won back is the outcome `won_back` or a score after of NPS 7+ / CSAT 3+.
 */
export function caseFigures(
  db: Db,
  workspaceId: string,
  period: Period & { timezone: string },
  by: MetricDimension,
  kind: CaseKind,
  now: Date,
) {
  const group = dimension(by, sql`c.created_at`, period.timezone);
  const detractor = sql`((b.score_type = 'nps' AND b.score_before <= 6) OR (b.score_type = 'csat' AND b.score_before <= 2))`;
  const hours = (to: SQL) => sql`extract(epoch FROM (${to} - b.created_at)) / 3600.0`;
  return queryRows<CaseFigures>(
    db,
    sql`WITH base AS (
          SELECT c.*, ${group.key} AS key, ${group.label ?? sql`NULL::text`} AS label,
            EXISTS (SELECT 1 FROM case_events e WHERE e.workspace_id = c.workspace_id
                    AND e.case_id = c.id AND e.type = 'escalated') AS escalated
          FROM cases c
          WHERE c.workspace_id = ${workspaceId} AND c.kind = ${kind}
            AND c.created_at >= ${period.from.toISOString()}::timestamptz
            AND c.created_at < ${period.to.toISOString()}::timestamptz)
        SELECT GROUPING(b.key) = 0 AS grouped, b.key, max(b.label) AS label,
          count(*)::int AS opened,
          (count(*) FILTER (WHERE b.stage = 'closed'))::int AS closed,
          count(b.first_response_at)::int AS responded,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(sql`b.first_response_at`)}) AS "frtMedianHours",
          percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours(sql`b.first_response_at`)}) AS "frtP90Hours",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN b.stage = 'closed'
            THEN ${hours(sql`b.closed_at`)} END) AS "closeMedianHours",
          (count(*) FILTER (WHERE (b.stage <> 'closed' AND b.due_at < ${now.toISOString()}::timestamptz)
            OR (b.stage = 'closed' AND b.closed_at > b.due_at) OR b.escalated))::int AS overdue,
          (count(*) FILTER (WHERE b.stage = 'closed' AND ${detractor}))::int AS "detractorsClosed",
          (count(*) FILTER (WHERE b.stage = 'closed' AND ${detractor} AND (b.outcome = 'won_back'
            OR (b.score_type = 'nps' AND b.score_after >= 7)
            OR (b.score_type = 'csat' AND b.score_after >= 3))))::int AS "wonBack"
        FROM base b
        GROUP BY GROUPING SETS ((b.key), ())
        ORDER BY grouped, b.key NULLS LAST`,
  );
}

export interface ReplyFigures {
  grouped: boolean;
  key: string | null;
  label: string | null;
  replies: number;
  stock: number;
}

/** Replies sent in the period (`reply_sent` events) and how many were stock, per group and overall. */
export function replyFigures(
  db: Db,
  workspaceId: string,
  period: Period & { timezone: string },
  by: MetricDimension,
  kind: CaseKind,
) {
  const group = dimension(by, sql`e.at`, period.timezone);
  return queryRows<ReplyFigures>(
    db,
    sql`WITH base AS (
          SELECT ${group.key} AS key, ${group.label ?? sql`NULL::text`} AS label,
            coalesce((e.data->>'stock')::boolean, false) AS stock
          FROM case_events e
          JOIN cases c ON c.workspace_id = e.workspace_id AND c.id = e.case_id
          WHERE e.workspace_id = ${workspaceId} AND e.type = 'reply_sent' AND c.kind = ${kind}
            AND e.at >= ${period.from.toISOString()}::timestamptz
            AND e.at < ${period.to.toISOString()}::timestamptz)
        SELECT GROUPING(b.key) = 0 AS grouped, b.key, max(b.label) AS label,
          count(*)::int AS replies, (count(*) FILTER (WHERE b.stock))::int AS stock
        FROM base b GROUP BY GROUPING SETS ((b.key), ())`,
  );
}

/** Labels of touchpoints, by id (the one dimension whose label is not read per case). */
export function touchpointNames(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id::text, name FROM touchpoints WHERE workspace_id = ${workspaceId}
          AND id::text = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))`,
  );
}

export interface ThemeCoverage {
  themeId: string;
  name: string;
  loopsClosed: number;
  wonBack: number;
  actions: number;
  actionsShipped: number;
}

/**
 * The programme per root cause: loops closed in the period with this theme as root cause, and
 * actions on the theme decided (created) and shipped in the period.
 */
export function themeCoverage(db: Db, workspaceId: string, period: Period) {
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  return queryRows<ThemeCoverage>(
    db,
    sql`WITH loops AS (
          SELECT root_cause_theme_id AS theme_id, count(*)::int AS closed,
            (count(*) FILTER (WHERE outcome = 'won_back'))::int AS won_back
          FROM cases WHERE workspace_id = ${workspaceId} AND stage = 'closed'
            AND root_cause_theme_id IS NOT NULL
            AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz
          GROUP BY root_cause_theme_id),
        acts AS (
          SELECT theme_id,
            (count(*) FILTER (WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz))::int AS created,
            (count(*) FILTER (WHERE status = 'shipped' AND shipped_at >= ${from}::timestamptz
              AND shipped_at < ${to}::timestamptz))::int AS shipped
          FROM actions WHERE workspace_id = ${workspaceId} AND theme_id IS NOT NULL
          GROUP BY theme_id)
        SELECT th.id AS "themeId", th.name, coalesce(l.closed, 0) AS "loopsClosed",
          coalesce(l.won_back, 0) AS "wonBack", coalesce(a.created, 0) AS actions,
          coalesce(a.shipped, 0) AS "actionsShipped"
        FROM loops l FULL JOIN acts a ON a.theme_id = l.theme_id
        JOIN themes th ON th.workspace_id = ${workspaceId} AND th.id = coalesce(l.theme_id, a.theme_id)
        WHERE coalesce(l.closed, 0) + coalesce(a.created, 0) + coalesce(a.shipped, 0) > 0
        ORDER BY coalesce(l.closed, 0) DESC, coalesce(a.created, 0) DESC, th.name`,
  );
}

/** The workspace's time zone and the instants a YYYY-MM-DD range starts and ends in it. */
export async function resolvePeriod(
  db: Db,
  workspaceId: string,
  from: string,
  to: string,
): Promise<Period & { timezone: string }> {
  const bound = (value: string) =>
    value.length === 10
      ? sql`(${value}::date::timestamp AT TIME ZONE w.timezone)`
      : sql`${value}::timestamptz`;
  const [row] = await queryRows<{ timezone: string; from: string; to: string }>(
    db,
    sql`SELECT w.timezone, ${bound(from)} AS "from", ${bound(to)} AS "to"
        FROM workspaces w WHERE w.id = ${workspaceId}`,
  );
  if (!row) throw new Error(`workspace ${workspaceId} does not exist`);
  return { timezone: row.timezone, from: new Date(row.from), to: new Date(row.to) };
}

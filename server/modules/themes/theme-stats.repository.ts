import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/**
 * Volume, sentiment and NPS of themes over a window. An item's sentiment about a theme is the
 * aspect sentiment stored on its link when known, else the item's overall sentiment; an item is
 * negative about the theme when that score is at most −0.05 (the analysers' label threshold).
 * Periods are cut in the workspace's time zone.
 */
export interface Window {
  from: Date;
  to: Date;
}

export interface StatsRow {
  volume: number;
  negative: number;
  sentimentCount: number;
  sentimentAverage: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');
const sentiment = sql`coalesce(ft.sentiment_score, fa.sentiment_score)`;
const statsColumns = sql`count(*)::int AS volume,
  count(*) FILTER (WHERE ${sentiment} <= -0.05)::int AS negative,
  count(${sentiment})::int AS "sentimentCount",
  avg(${sentiment})::float8 AS "sentimentAverage",
  count(*) FILTER (WHERE f.score_type = 'nps' AND f.score >= 9)::int AS promoters,
  count(*) FILTER (WHERE f.score_type = 'nps' AND f.score BETWEEN 7 AND 8)::int AS passives,
  count(*) FILTER (WHERE f.score_type = 'nps' AND f.score BETWEEN 0 AND 6)::int AS detractors`;

/** The FROM and WHERE of every query here: links of the workspace's items in the window. */
function linked(workspaceId: string, window: Window, more: { join?: SQL; where?: SQL } = {}): SQL {
  return sql`FROM feedback_themes ft
    JOIN feedback f ON f.workspace_id = ft.workspace_id AND f.id = ft.feedback_id
    LEFT JOIN feedback_analysis fa ON fa.workspace_id = ft.workspace_id
      AND fa.feedback_id = ft.feedback_id
    ${more.join ?? sql``}
    WHERE ft.workspace_id = ${workspaceId}
      AND f.received_at >= ${window.from.toISOString()}::timestamptz
      AND f.received_at < ${window.to.toISOString()}::timestamptz ${more.where ?? sql``}`;
}

export function statsByTheme(db: Db, workspaceId: string, window: Window) {
  return queryRows<StatsRow & { themeId: string }>(
    db,
    sql`SELECT ft.theme_id AS "themeId", ${statsColumns} ${linked(workspaceId, window)}
        GROUP BY ft.theme_id`,
  );
}

/** One row per day or week (its first day, YYYY-MM-DD in the workspace's zone) with items. */
export function themeSeries(
  db: Db,
  workspaceId: string,
  themeId: string,
  window: Window,
  bucket: 'day' | 'week',
) {
  return queryRows<StatsRow & { period: string }>(
    db,
    sql`WITH ws AS (SELECT timezone AS tz FROM workspaces WHERE id = ${workspaceId})
        SELECT to_char(date_trunc(${bucket}, f.received_at AT TIME ZONE ws.tz), 'YYYY-MM-DD')
                 AS period, ${statsColumns}
        ${linked(workspaceId, window, { join: sql`CROSS JOIN ws`, where: sql`AND ft.theme_id = ${themeId}` })}
        GROUP BY 1 ORDER BY 1`,
  );
}

export interface Breakdown {
  id: string;
  name: string;
  volume: number;
  negative: number;
}

export function topTouchpoints(
  db: Db,
  workspaceId: string,
  themeId: string,
  window: Window,
  limit: number,
) {
  return queryRows<Breakdown>(
    db,
    sql`SELECT t.id, t.name, count(*)::int AS volume,
          count(*) FILTER (WHERE ${sentiment} <= -0.05)::int AS negative
        ${linked(workspaceId, window, {
          join: sql`JOIN touchpoints t ON t.workspace_id = f.workspace_id AND t.id = f.touchpoint_id`,
          where: sql`AND ft.theme_id = ${themeId}`,
        })}
        GROUP BY t.id, t.name ORDER BY volume DESC, t.name LIMIT ${limit}`,
  );
}

export function topAccounts(
  db: Db,
  workspaceId: string,
  themeId: string,
  window: Window,
  limit: number,
) {
  return queryRows<Breakdown>(
    db,
    sql`SELECT a.id, a.name, count(*)::int AS volume,
          count(*) FILTER (WHERE ${sentiment} <= -0.05)::int AS negative
        ${linked(workspaceId, window, {
          join: sql`JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id`,
          where: sql`AND ft.theme_id = ${themeId}`,
        })}
        GROUP BY a.id, a.name ORDER BY volume DESC, a.name LIMIT ${limit}`,
  );
}

export interface QuoteRow {
  feedbackId: string;
  text: string;
  receivedAt: string | Date;
  scoreType: string | null;
  score: number | null;
  sentiment: number | null;
  weight: number;
}

/** The items most typical of the theme (highest link weight) on one side of the sentiment. */
export function exampleQuotes(
  db: Db,
  workspaceId: string,
  themeId: string,
  window: Window,
  polarity: 'positive' | 'negative',
  limit: number,
) {
  const side = polarity === 'negative' ? sql`${sentiment} <= -0.05` : sql`${sentiment} >= 0.05`;
  return queryRows<QuoteRow>(
    db,
    sql`SELECT f.id AS "feedbackId", left(f.text, 500) AS text, f.received_at AS "receivedAt",
          f.score_type AS "scoreType", f.score::int AS score, ${sentiment}::float8 AS sentiment,
          ft.weight::float8 AS weight
        ${linked(workspaceId, window, { where: sql`AND ft.theme_id = ${themeId} AND ${side}` })}
        ORDER BY ft.weight DESC, f.received_at DESC, f.id LIMIT ${limit}`,
  );
}

/** Negative items per theme and UTC week (Monday) since `since`, for the recurring-issue rule. */
export function negativeByWeek(db: Db, workspaceId: string, since: Date) {
  return queryRows<{ themeId: string; week: string; negative: number }>(
    db,
    sql`SELECT ft.theme_id AS "themeId",
          to_char(date_trunc('week', f.received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
          count(*)::int AS negative
        ${linked(workspaceId, { from: since, to: FAR_FUTURE }, { where: sql`AND ${sentiment} <= -0.05` })}
        GROUP BY 1, 2`,
  );
}

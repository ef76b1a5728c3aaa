import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { SpikeSubjectKind } from '../../db/schema/index.ts';
import type { SpikeDirection, SpikeSeverity } from '../analysis/spikes.ts';

export const BASELINE_DAYS = 28;

/**
 * The window a detection at `end` judges, in the workspace's time zone: the local day that `end`
 * closes (so far), the time of day counting stops at (`00:00:00` when the day is complete), and
 * the first day the workspace has feedback, before which a zero means "not listening yet".
 */
export interface SpikeWindow {
  timezone: string;
  day: string;
  cutoff: string;
  windowStart: string;
  historyFrom: string;
  firstDay: string | null;
}

export async function spikeWindow(db: Db, workspaceId: string, end: Date) {
  const at = end.toISOString();
  const [row] = await queryRows<SpikeWindow>(
    db,
    sql`WITH base AS (
          SELECT timezone AS tz,
            ((${at}::timestamptz - interval '1 millisecond') AT TIME ZONE timezone)::date AS day,
            (${at}::timestamptz AT TIME ZONE timezone)::time AS cutoff
          FROM workspaces WHERE id = ${workspaceId})
        SELECT tz AS timezone, day::text AS day, cutoff::text AS cutoff,
          (day::timestamp AT TIME ZONE tz) AS "windowStart",
          ((day - ${BASELINE_DAYS}::int)::timestamp AT TIME ZONE tz) AS "historyFrom",
          (SELECT ((min(received_at) AT TIME ZONE base.tz)::date)::text FROM feedback
            WHERE workspace_id = ${workspaceId}) AS "firstDay"
        FROM base`,
  );
  return row;
}

export interface DailyCount {
  kind: SpikeSubjectKind;
  subjectId: string;
  day: string;
  count: number;
}

/** Counting stops at the same local time of day on every day, so a partial day meets its like. */
function sameHours(column: SQL, window: SpikeWindow) {
  return sql`(${window.cutoff}::time = '00:00:00'::time
    OR (${column} AT TIME ZONE ${window.timezone})::time < ${window.cutoff}::time)`;
}

/** Items per active theme and local day (all, and negative only), from the baseline's start. */
export function themeDailyCounts(db: Db, workspaceId: string, window: SpikeWindow, end: Date) {
  return queryRows<DailyCount>(
    db,
    sql`SELECT kinds.kind, counts.theme_id AS "subjectId", counts.day,
          CASE WHEN kinds.kind = 'theme' THEN counts.total ELSE counts.negative END AS count
        FROM (
          SELECT ft.theme_id, ((f.received_at AT TIME ZONE ${window.timezone})::date)::text AS day,
            count(*)::int AS total,
            (count(*) FILTER (WHERE fa.sentiment_label = 'negative'))::int AS negative
          FROM feedback f
          JOIN feedback_themes ft ON ft.workspace_id = f.workspace_id AND ft.feedback_id = f.id
          JOIN themes t ON t.workspace_id = ft.workspace_id AND t.id = ft.theme_id AND t.status = 'active'
          LEFT JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
          WHERE f.workspace_id = ${workspaceId}
            AND f.received_at >= ${window.historyFrom}::timestamptz
            AND f.received_at < ${end.toISOString()}::timestamptz
            AND ${sameHours(sql`f.received_at`, window)}
          GROUP BY 1, 2) counts
        CROSS JOIN (VALUES ('theme'), ('theme_negative')) AS kinds(kind)
        WHERE kinds.kind = 'theme' OR counts.negative > 0`,
  );
}

/** Items (not mentions: one item naming a rival thrice counts once) per competitor and brand. */
export function mentionDailyCounts(db: Db, workspaceId: string, window: SpikeWindow, end: Date) {
  return queryRows<DailyCount>(
    db,
    sql`SELECT m.kind, m.entity_id AS "subjectId",
          ((m.received_at AT TIME ZONE ${window.timezone})::date)::text AS day,
          count(DISTINCT m.feedback_id)::int AS count
        FROM mentions m
        WHERE m.workspace_id = ${workspaceId} AND m.kind IN ('competitor', 'brand')
          AND m.received_at >= ${window.historyFrom}::timestamptz
          AND m.received_at < ${end.toISOString()}::timestamptz
          AND ${sameHours(sql`m.received_at`, window)}
        GROUP BY 1, 2, 3`,
  );
}

export interface NewSpike {
  subjectKind: SpikeSubjectKind;
  subjectId: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  expected: number;
  ratio: number;
  zScore: number;
  pValue: number;
  direction: SpikeDirection;
  severity: SpikeSeverity;
  sentence: string;
  series: { days: string[]; counts: number[]; band: { low: number; high: number } };
}

/**
 * One spike per subject and day: a later run the same day updates the figures (the day has more
 * hours in it); an older run arriving late changes nothing. Returns the id when it wrote.
 */
export async function upsertSpike(db: Db, workspaceId: string, spike: NewSpike) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO spikes (workspace_id, subject_kind, subject_id, window_start, window_end, count,
          expected, ratio, z_score, p_value, direction, severity, sentence, series)
        VALUES (${workspaceId}, ${spike.subjectKind}, ${spike.subjectId}, ${spike.windowStart}::timestamptz,
          ${spike.windowEnd}::timestamptz, ${spike.count}, ${spike.expected}, ${spike.ratio},
          ${spike.zScore}, ${spike.pValue}, ${spike.direction}, ${spike.severity}, ${spike.sentence},
          ${JSON.stringify(spike.series)}::jsonb)
        ON CONFLICT (workspace_id, subject_kind, subject_id, window_start) DO UPDATE SET
          window_end = excluded.window_end, count = excluded.count, expected = excluded.expected,
          ratio = excluded.ratio, z_score = excluded.z_score, p_value = excluded.p_value,
          direction = excluded.direction, severity = excluded.severity,
          sentence = excluded.sentence, series = excluded.series, updated_at = now()
        WHERE spikes.window_end <= excluded.window_end
        RETURNING id`,
  );
  return row?.id;
}

export interface SpikeRow extends NewSpike {
  id: string;
  subjectName: string | null;
  detectedAt: string;
}

const spikeColumns = sql`s.id, s.subject_kind AS "subjectKind", s.subject_id AS "subjectId",
  coalesce(t.name, e.name) AS "subjectName", s.window_start AS "windowStart",
  s.window_end AS "windowEnd", s.count, s.expected, s.ratio, s.z_score AS "zScore",
  s.p_value AS "pValue", s.direction, s.severity, s.sentence, s.series, s.detected_at AS "detectedAt"`;

const subjectJoins = sql`LEFT JOIN themes t ON t.workspace_id = s.workspace_id AND t.id = s.subject_id
    AND s.subject_kind IN ('theme', 'theme_negative')
  LEFT JOIN tracked_entities e ON e.workspace_id = s.workspace_id AND e.id = s.subject_id
    AND s.subject_kind IN ('competitor', 'brand')`;

export function listSpikes(
  db: Db,
  workspaceId: string,
  filters: { subjectKind?: SpikeSubjectKind | undefined; ids?: string[]; limit: number },
) {
  if (filters.ids && filters.ids.length === 0) return Promise.resolve([]);
  return queryRows<SpikeRow>(
    db,
    sql`SELECT ${spikeColumns} FROM spikes s ${subjectJoins}
        WHERE s.workspace_id = ${workspaceId}
          ${filters.subjectKind ? sql`AND s.subject_kind = ${filters.subjectKind}` : sql``}
          ${
            filters.ids
              ? sql`AND s.id IN (${sql.join(
                  filters.ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`
              : sql``
          }
        ORDER BY s.window_start DESC, s.p_value, s.id
        LIMIT ${filters.limit}`,
  );
}

export async function listWorkspaceIds(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM workspaces ORDER BY id`);
  return rows.map((row) => row.id);
}

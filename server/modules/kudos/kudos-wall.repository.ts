import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface KudosRow {
  id: string;
  feedbackId: string;
  personId: string | null;
  personName: string | null;
  teamId: string | null;
  teamName: string | null;
  source: 'analysis' | 'manual';
  quote: string;
  receivedAt: string;
  createdAt: string;
  notifiedAt: string | null;
}

const kudosColumns = sql`k.id, k.feedback_id AS "feedbackId", k.person_id AS "personId",
  p.name AS "personName", k.team_id AS "teamId", t.name AS "teamName", k.source, k.quote,
  f.received_at AS "receivedAt", k.created_at AS "createdAt", k.notified_at AS "notifiedAt"`;
const kudosJoins = sql`JOIN feedback f ON f.workspace_id = k.workspace_id AND f.id = k.feedback_id
  LEFT JOIN staff_people p ON p.workspace_id = k.workspace_id AND p.id = k.person_id
  LEFT JOIN staff_teams t ON t.workspace_id = k.workspace_id AND t.id = k.team_id`;

/** Recent praise, newest first; a team's list includes praise for its members. */
export function listKudos(
  db: Db,
  workspaceId: string,
  filter: {
    personId?: string;
    teamId?: string;
    feedbackId?: string;
    kudosId?: string;
    limit: number;
  },
) {
  return queryRows<KudosRow>(
    db,
    sql`SELECT ${kudosColumns} FROM kudos k ${kudosJoins}
        WHERE k.workspace_id = ${workspaceId}
          ${filter.personId ? sql`AND k.person_id = ${filter.personId}` : sql``}
          ${filter.teamId ? sql`AND k.team_id = ${filter.teamId}` : sql``}
          ${filter.feedbackId ? sql`AND k.feedback_id = ${filter.feedbackId}` : sql``}
          ${filter.kudosId ? sql`AND k.id = ${filter.kudosId}` : sql``}
        ORDER BY f.received_at DESC, k.id DESC
        LIMIT ${filter.limit}`,
  );
}

export interface WallEntry {
  id: string;
  name: string;
  teamName: string | null;
  last30: number;
  last90: number;
  latest: Array<{ id: string; quote: string; receivedAt: string }>;
}

/**
 * Per person (or per team, members included) with praise in the last 90 days: counts over 30 and
 * 90 days and the latest quotes. `now` fixes the windows.
 */
export function wall(
  db: Db,
  workspaceId: string,
  by: 'person' | 'team',
  now: Date,
  quotes: number,
) {
  const since90 = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const since30 = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const key = by === 'person' ? sql`k.person_id` : sql`k.team_id`;
  const entity =
    by === 'person'
      ? sql`JOIN staff_people e ON e.workspace_id = c.workspace_id AND e.id = c.key
          LEFT JOIN staff_teams tt ON tt.workspace_id = e.workspace_id AND tt.id = e.team_id`
      : sql`JOIN staff_teams e ON e.workspace_id = c.workspace_id AND e.id = c.key
          LEFT JOIN (SELECT NULL::text AS name) tt ON true`;
  return queryRows<WallEntry>(
    db,
    sql`WITH recent AS (
          SELECT k.workspace_id, ${key} AS key, k.id, k.quote, f.received_at
          FROM kudos k JOIN feedback f ON f.workspace_id = k.workspace_id AND f.id = k.feedback_id
          WHERE k.workspace_id = ${workspaceId} AND ${key} IS NOT NULL
            AND f.received_at >= ${since90}::timestamptz
            AND f.received_at <= ${now.toISOString()}::timestamptz),
        counted AS (
          SELECT workspace_id, key, count(*)::int AS last90,
            (count(*) FILTER (WHERE received_at >= ${since30}::timestamptz))::int AS last30
          FROM recent GROUP BY workspace_id, key)
        SELECT e.id, e.name, tt.name AS "teamName", c.last30, c.last90,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('id', q.id, 'quote', q.quote,
              'receivedAt', q.received_at) ORDER BY q.received_at DESC), '[]'::jsonb)
           FROM (SELECT id, quote, received_at FROM recent r WHERE r.key = c.key
                 ORDER BY received_at DESC, id DESC LIMIT ${quotes}) q) AS latest
        FROM counted c ${entity}
        ORDER BY c.last30 DESC, c.last90 DESC, e.name`,
  );
}

export interface EmployeeReportRow {
  personId: string;
  name: string;
  teamName: string | null;
  praise: number;
  casesOwned: number;
  loopsClosed: number;
  wonBack: number;
}

/**
 * Per staff person over [from, to): praise received, cases opened that they own, and loops they
 * closed as owner (a person is linked to a Hearken user through `staff_people.user_id`).
 */
export function employeeReport(db: Db, workspaceId: string, range: { from: Date; to: Date }) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return queryRows<EmployeeReportRow>(
    db,
    sql`WITH praise AS (
          SELECT k.person_id, count(*)::int AS n FROM kudos k
          JOIN feedback f ON f.workspace_id = k.workspace_id AND f.id = k.feedback_id
          WHERE k.workspace_id = ${workspaceId} AND k.person_id IS NOT NULL
            AND f.received_at >= ${from}::timestamptz AND f.received_at < ${to}::timestamptz
          GROUP BY k.person_id),
        owned AS (
          SELECT owner_id, count(*)::int AS n FROM cases
          WHERE workspace_id = ${workspaceId} AND owner_id IS NOT NULL
            AND created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz
          GROUP BY owner_id),
        closed AS (
          SELECT owner_id, count(*)::int AS n,
            (count(*) FILTER (WHERE outcome = 'won_back'))::int AS won_back FROM cases
          WHERE workspace_id = ${workspaceId} AND owner_id IS NOT NULL AND stage = 'closed'
            AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz
          GROUP BY owner_id)
        SELECT p.id AS "personId", p.name, t.name AS "teamName",
          coalesce(pr.n, 0) AS praise, coalesce(o.n, 0) AS "casesOwned",
          coalesce(c.n, 0) AS "loopsClosed", coalesce(c.won_back, 0) AS "wonBack"
        FROM staff_people p
        LEFT JOIN staff_teams t ON t.workspace_id = p.workspace_id AND t.id = p.team_id
        LEFT JOIN praise pr ON pr.person_id = p.id
        LEFT JOIN owned o ON o.owner_id = p.user_id
        LEFT JOIN closed c ON c.owner_id = p.user_id
        WHERE p.workspace_id = ${workspaceId}
        ORDER BY coalesce(pr.n, 0) + coalesce(c.n, 0) DESC, p.name`,
  );
}

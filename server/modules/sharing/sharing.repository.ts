import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** The words shared: a few of the customer's items, newest first. */
export interface SharedQuote {
  feedbackId: string;
  text: string;
  channel: string;
  receivedAt: string;
}

export interface CaseFacts {
  id: string;
  number: number;
  title: string;
  stage: string;
  kind: string;
  ownerName: string | null;
  teamName: string | null;
  accountName: string | null;
  scoreType: string | null;
  scoreBefore: number | null;
  quotes: SharedQuote[];
}

const QUOTES = 3;

export async function caseFacts(db: Db, workspaceId: string, caseId: string) {
  const [row] = await queryRows<CaseFacts>(
    db,
    sql`SELECT c.id, c.number, c.title, c.stage, c.kind, u.name AS "ownerName",
          t.name AS "teamName", a.name AS "accountName", c.score_type AS "scoreType",
          c.score_before AS "scoreBefore",
          (SELECT coalesce(jsonb_agg(jsonb_build_object('feedbackId', q.id, 'text', q.text,
              'channel', q.channel, 'receivedAt', q.received_at) ORDER BY q.received_at DESC), '[]'::jsonb)
           FROM (SELECT f.id, f.text, f.channel, f.received_at FROM case_feedback cf
                 JOIN feedback f ON f.workspace_id = cf.workspace_id AND f.id = cf.feedback_id
                 WHERE cf.workspace_id = c.workspace_id AND cf.case_id = c.id
                 ORDER BY f.received_at DESC LIMIT ${QUOTES}) q) AS quotes
        FROM cases c
        LEFT JOIN users u ON u.id = c.owner_id
        LEFT JOIN staff_teams t ON t.workspace_id = c.workspace_id AND t.id = c.team_id
        LEFT JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
        WHERE c.workspace_id = ${workspaceId} AND c.id = ${caseId}`,
  );
  return row;
}

export interface ThemeFacts {
  id: string;
  name: string;
  recurring: boolean;
  items30: number;
  negative30: number;
  quotes: SharedQuote[];
}

/** A theme with its volume over the 30 days before `now` and its latest quotes. */
export async function themeFacts(db: Db, workspaceId: string, themeId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const [row] = await queryRows<ThemeFacts>(
    db,
    sql`SELECT th.id, th.name, th.recurring,
          (SELECT count(*)::int FROM feedback_themes ft
           JOIN feedback f ON f.workspace_id = ft.workspace_id AND f.id = ft.feedback_id
           WHERE ft.workspace_id = th.workspace_id AND ft.theme_id = th.id
             AND f.received_at >= ${since}::timestamptz) AS items30,
          (SELECT count(*)::int FROM feedback_themes ft
           JOIN feedback f ON f.workspace_id = ft.workspace_id AND f.id = ft.feedback_id
           JOIN feedback_analysis fa ON fa.workspace_id = f.workspace_id AND fa.feedback_id = f.id
           WHERE ft.workspace_id = th.workspace_id AND ft.theme_id = th.id
             AND f.received_at >= ${since}::timestamptz AND fa.sentiment_label = 'negative') AS negative30,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('feedbackId', q.id, 'text', q.text,
              'channel', q.channel, 'receivedAt', q.received_at) ORDER BY q.received_at DESC), '[]'::jsonb)
           FROM (SELECT f.id, f.text, f.channel, f.received_at FROM feedback_themes ft
                 JOIN feedback f ON f.workspace_id = ft.workspace_id AND f.id = ft.feedback_id
                 WHERE ft.workspace_id = th.workspace_id AND ft.theme_id = th.id AND f.text <> ''
                 ORDER BY f.received_at DESC LIMIT ${QUOTES}) q) AS quotes
        FROM themes th WHERE th.workspace_id = ${workspaceId} AND th.id = ${themeId}`,
  );
  return row;
}

/** A team's name and who hears of a share by e-mail: its lead (address and user) and members. */
export async function teamAudience(db: Db, workspaceId: string, teamId: string) {
  const [team] = await queryRows<{ id: string; name: string; emails: string[] }>(
    db,
    sql`SELECT t.id, t.name, ARRAY(
          SELECT DISTINCT lower(email) FROM (
            SELECT t.lead_email AS email
            UNION ALL SELECT u.email FROM users u WHERE u.id = t.lead_user_id
            UNION ALL SELECT p.email FROM staff_people p
              WHERE p.workspace_id = t.workspace_id AND p.team_id = t.id) e
          WHERE email IS NOT NULL ORDER BY 1) AS emails
        FROM staff_teams t WHERE t.workspace_id = ${workspaceId} AND t.id = ${teamId}`,
  );
  return team;
}

export async function userName(db: Db, userId: string | null) {
  if (!userId) return null;
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`SELECT name FROM users WHERE id = ${userId}`,
  );
  return row?.name ?? null;
}

import { and, desc, eq, gte, ilike, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { FeedbackFilters } from './feedback.schemas.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { accounts, contacts, feedback, touchpoints } from '../../db/schema/index.ts';

export interface WorkspaceTotals {
  feedbackCount: number;
  contactCount: number;
  accountCount: number;
  touchpointCount: number;
}

export async function countTotals(db: Db, workspaceId: string): Promise<WorkspaceTotals> {
  const [row] = await queryRows<WorkspaceTotals>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM feedback WHERE workspace_id = ${workspaceId}) AS "feedbackCount",
          (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspaceId}) AS "contactCount",
          (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspaceId}) AS "accountCount",
          (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${workspaceId}) AS "touchpointCount"`,
  );
  if (!row) throw new Error('count returned no row');
  return row;
}

export interface NpsMonthRow {
  month: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * NPS answers per calendar month in the workspace's time zone, for the current month and the
 * `months - 1` before it. The range test is on `received_at` itself, so the index is used.
 */
export function npsByMonth(db: Db, workspaceId: string, months: number) {
  return queryRows<NpsMonthRow>(
    db,
    sql`WITH ws AS (SELECT timezone AS tz FROM workspaces WHERE id = ${workspaceId})
        SELECT to_char(date_trunc('month', f.received_at AT TIME ZONE ws.tz), 'YYYY-MM') AS month,
               count(*) FILTER (WHERE f.score >= 9)::int AS promoters,
               count(*) FILTER (WHERE f.score BETWEEN 7 AND 8)::int AS passives,
               count(*) FILTER (WHERE f.score <= 6)::int AS detractors
        FROM feedback f CROSS JOIN ws
        WHERE f.workspace_id = ${workspaceId}
          AND f.score_type = 'nps' AND f.score BETWEEN 0 AND 10
          AND f.received_at >= (date_trunc('month', now() AT TIME ZONE ws.tz)
                                - make_interval(months => ${months - 1})) AT TIME ZONE ws.tz
        GROUP BY 1
        ORDER BY 1`,
  );
}

export function countByChannel(db: Db, workspaceId: string) {
  return queryRows<{ channel: string; count: number }>(
    db,
    sql`SELECT channel, count(*)::int AS count FROM feedback
        WHERE workspace_id = ${workspaceId}
        GROUP BY channel ORDER BY count DESC, channel`,
  );
}

export interface JobSummaryRow {
  queued: number;
  running: number;
  dead: number;
  demoSeeding: boolean;
}

/** Open and dead-lettered jobs of the workspace, and whether demo data is still being made. */
export async function summariseJobs(db: Db, workspaceId: string): Promise<JobSummaryRow> {
  const [row] = await queryRows<JobSummaryRow>(
    db,
    sql`SELECT count(*) FILTER (WHERE state = 'queued')::int AS queued,
               count(*) FILTER (WHERE state = 'running')::int AS running,
               count(*) FILTER (WHERE state = 'dead')::int AS dead,
               coalesce(bool_or(name = 'demo.seed' AND state IN ('queued', 'running')), false)
                 AS "demoSeeding"
        FROM jobs
        WHERE workspace_id = ${workspaceId} AND state IN ('queued', 'running', 'dead')`,
  );
  return row ?? { queued: 0, running: 0, dead: 0, demoSeeding: false };
}

/** A position in the newest-first list: received_at in whole microseconds since the epoch, and id. */
export interface FeedbackPosition {
  receivedAtMicros: string;
  id: string;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function filterConditions(filters: FeedbackFilters): SQL[] {
  const conditions: Array<SQL | undefined> = [
    filters.channel ? eq(feedback.channel, filters.channel) : undefined,
    filters.touchpointId ? eq(feedback.touchpointId, filters.touchpointId) : undefined,
    filters.postId ? eq(feedback.postId, filters.postId) : undefined,
    filters.accountId ? eq(feedback.accountId, filters.accountId) : undefined,
    filters.contactId ? eq(feedback.contactId, filters.contactId) : undefined,
    filters.scoreType ? eq(feedback.scoreType, filters.scoreType) : undefined,
    filters.scoreMin === undefined ? undefined : gte(feedback.score, filters.scoreMin),
    filters.scoreMax === undefined ? undefined : lte(feedback.score, filters.scoreMax),
    filters.from ? gte(feedback.receivedAt, new Date(filters.from)) : undefined,
    filters.to ? lt(feedback.receivedAt, new Date(filters.to)) : undefined,
    filters.q ? ilike(feedback.text, likeLiteral(filters.q)) : undefined,
    filters.sentiment
      ? sql`EXISTS (SELECT 1 FROM feedback_analysis a WHERE a.workspace_id = ${feedback.workspaceId}
          AND a.feedback_id = ${feedback.id} AND a.sentiment_label = ${filters.sentiment})`
      : undefined,
    filters.language
      ? sql`EXISTS (SELECT 1 FROM feedback_analysis a WHERE a.workspace_id = ${feedback.workspaceId}
          AND a.feedback_id = ${feedback.id} AND a.language = ${filters.language})`
      : undefined,
    filters.entityId
      ? sql`EXISTS (SELECT 1 FROM mentions m WHERE m.workspace_id = ${feedback.workspaceId}
          AND m.feedback_id = ${feedback.id} AND m.entity_id = ${filters.entityId})`
      : undefined,
    filters.themeId
      ? sql`EXISTS (SELECT 1 FROM feedback_themes t WHERE t.workspace_id = ${feedback.workspaceId}
          AND t.feedback_id = ${feedback.id} AND t.theme_id = ${filters.themeId})`
      : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** The inbox's columns for feedback, with the names of its contact, account and touchpoint. */
function selectFeedback(db: Db) {
  return db
    .select({
      id: feedback.id,
      channel: feedback.channel,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      metadata: feedback.metadata,
      receivedAt: feedback.receivedAt,
      receivedAtMicros: sql<string>`(extract(epoch from ${feedback.receivedAt}) * 1000000)::bigint::text`,
      // A contact known only by address or phone is still someone: show what identifies them.
      contactName: sql<
        string | null
      >`coalesce(${contacts.name}, ${contacts.email}, ${contacts.phone}, ${contacts.socialHandle})`,
      accountName: accounts.name,
      touchpointName: touchpoints.name,
    })
    .from(feedback)
    .leftJoin(
      contacts,
      and(eq(contacts.workspaceId, feedback.workspaceId), eq(contacts.id, feedback.contactId)),
    )
    .leftJoin(
      accounts,
      and(eq(accounts.workspaceId, feedback.workspaceId), eq(accounts.id, feedback.accountId)),
    )
    .leftJoin(
      touchpoints,
      and(
        eq(touchpoints.workspaceId, feedback.workspaceId),
        eq(touchpoints.id, feedback.touchpointId),
      ),
    );
}

/** One page, newest first, plus one extra row that tells whether another page follows. */
export function listFeedback(
  db: Db,
  workspaceId: string,
  limit: number,
  after?: FeedbackPosition,
  filters: FeedbackFilters = {},
) {
  const before = after
    ? sql`(${feedback.receivedAt}, ${feedback.id}) < (timestamptz 'epoch' + ${after.receivedAtMicros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
    : undefined;
  return selectFeedback(db)
    .where(and(eq(feedback.workspaceId, workspaceId), before, ...filterConditions(filters)))
    .orderBy(desc(feedback.receivedAt), desc(feedback.id))
    .limit(limit + 1);
}

export async function findFeedback(db: Db, workspaceId: string, id: string) {
  const [row] = await selectFeedback(db).where(
    and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, id)),
  );
  return row;
}

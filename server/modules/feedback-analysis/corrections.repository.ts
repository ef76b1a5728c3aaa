import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { SentimentLabel } from '../analysis/types.ts';

export async function feedbackExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM feedback WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
  return rows.length === 1;
}

/**
 * Sets a staff label on an analysed item and records the correction, with what it replaced.
 * Returns the previous label and score, or undefined when the item has no analysis yet.
 */
export async function correctSentiment(
  db: Db,
  workspaceId: string,
  feedbackId: string,
  label: SentimentLabel,
  userId: string | null,
) {
  const [previous] = await queryRows<{ label: SentimentLabel | null; score: number | null }>(
    db,
    sql`SELECT sentiment_label AS label, sentiment_score AS score FROM feedback_analysis
        WHERE workspace_id = ${workspaceId} AND feedback_id = ${feedbackId} FOR UPDATE`,
  );
  if (!previous) return undefined;
  await db.execute(
    sql`UPDATE feedback_analysis SET sentiment_label = ${label}, sentiment_corrected = true
        WHERE workspace_id = ${workspaceId} AND feedback_id = ${feedbackId}`,
  );
  await db.execute(
    sql`INSERT INTO analysis_corrections (workspace_id, feedback_id, field, previous, corrected, user_id)
        VALUES (${workspaceId}, ${feedbackId}, 'sentiment', ${JSON.stringify(previous)}::jsonb,
          ${JSON.stringify({ label })}::jsonb, ${userId})`,
  );
  return previous;
}

export interface CorrectionLine {
  feedbackId: string;
  text: string;
  label: SentimentLabel;
}

/**
 * The latest sentiment correction of each item, a keyset page by feedback id. Items whose text
 * was erased are left out: a label without its text teaches nothing.
 */
export function pageSentimentCorrections(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return queryRows<CorrectionLine>(
    db,
    sql`SELECT DISTINCT ON (c.feedback_id) c.feedback_id AS "feedbackId", f.text,
          c.corrected->>'label' AS label
        FROM analysis_corrections c
        JOIN feedback f ON f.workspace_id = c.workspace_id AND f.id = c.feedback_id
        WHERE c.workspace_id = ${workspaceId} AND c.field = 'sentiment' AND f.text <> ''
          ${afterId ? sql`AND c.feedback_id > ${afterId}::uuid` : sql``}
        ORDER BY c.feedback_id, c.id DESC
        LIMIT ${limit}`,
  );
}

/** Every correction made to the workspace's analysis, for the workspace export. */
export function pageCorrections(db: Db, workspaceId: string, afterId: number, limit: number) {
  return queryRows<{
    id: number;
    feedbackId: string;
    field: string;
    previous: unknown;
    corrected: unknown;
    userId: string | null;
    createdAt: string;
  }>(
    db,
    sql`SELECT id::int AS id, feedback_id AS "feedbackId", field, previous, corrected,
          user_id AS "userId", created_at AS "createdAt"
        FROM analysis_corrections WHERE workspace_id = ${workspaceId} AND id > ${afterId}
        ORDER BY id LIMIT ${limit}`,
  );
}

export interface ImportedCorrection {
  workspaceId: string;
  feedbackId: string;
  field: 'sentiment' | 'theme';
  previous: unknown;
  corrected: unknown;
  createdAt: Date;
}

/**
 * Corrections from a workspace import. They have no portable id, so a correction already there
 * (same item, field and time) is not added again: importing a file twice adds nothing.
 */
export async function insertImportedCorrections(db: Db, rows: ImportedCorrection[]) {
  if (rows.length === 0) return 0;
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO analysis_corrections (workspace_id, feedback_id, field, previous, corrected, created_at)
        SELECT r."workspaceId", r."feedbackId", r.field, r.previous, r.corrected, r."createdAt"
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("workspaceId" uuid,
          "feedbackId" uuid, field text, previous jsonb, corrected jsonb, "createdAt" timestamptz)
        WHERE NOT EXISTS (SELECT 1 FROM analysis_corrections c WHERE c.workspace_id = r."workspaceId"
          AND c.feedback_id = r."feedbackId" AND c.field = r.field AND c.created_at = r."createdAt")
        RETURNING id::int AS id`,
  );
  return inserted.length;
}

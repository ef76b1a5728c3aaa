import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import type { SentimentLabel } from '../analysis/types.ts';

export { uuidArray } from '../../db/sql-arrays.ts';

export interface FeedbackText {
  id: string;
  text: string;
  receivedAt: string;
  contactId: string | null;
  /** Whether the item had been analysed before (its similarity bands are stored). */
  analysedBefore: boolean;
  /** The signature stored by that analysis (null: too short, or stored before signatures were). */
  previousMinhash: Uint8Array | null;
}

export function loadFeedbackTexts(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<FeedbackText>(
    db,
    sql`SELECT f.id, f.text, f.received_at AS "receivedAt", f.contact_id AS "contactId",
          a.feedback_id IS NOT NULL AS "analysedBefore", a.minhash AS "previousMinhash"
        FROM feedback f
        LEFT JOIN feedback_analysis a ON a.workspace_id = f.workspace_id AND a.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId} AND f.id = ANY(${uuidArray(ids)})`,
  );
}

/** One feedback_analysis row as written by the analysis job. */
export interface AnalysisRow {
  id: string;
  version: number;
  language: string;
  languageConfidence: number;
  notAnalysed: string[];
  truncated: boolean;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
  sentences: unknown[];
  aspects: unknown[];
  keyPhrases: unknown[];
  personalData: unknown[];
  duplicateOf: string | null;
  /** The MinHash signature's bytes, base64 (null for texts too short to compare). */
  minhash: string | null;
}

/**
 * Upserts analyses in one statement. A label staff corrected stays (the model's score is still
 * refreshed), also for an item analysed for the first time after its correction was imported;
 * rows of feedback that no longer exists are skipped. Returns the label each row now has.
 */
export function upsertAnalyses(db: Db, workspaceId: string, rows: AnalysisRow[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; sentimentLabel: SentimentLabel | null; corrected: boolean }>(
    db,
    sql`INSERT INTO feedback_analysis AS a (workspace_id, feedback_id, version, language,
          language_confidence, not_analysed, truncated, sentiment_score, sentiment_label,
          sentiment_corrected, sentences, aspects, key_phrases, personal_data, duplicate_of,
          minhash, analysed_at)
        SELECT ${workspaceId}::uuid, r.id, r.version, r.language, r."languageConfidence",
          r."notAnalysed", r.truncated, r."sentimentScore",
          coalesce(c.label, r."sentimentLabel"), c.label IS NOT NULL, r.sentences,
          r.aspects, r."keyPhrases", r."personalData", r."duplicateOf",
          decode(r.minhash, 'base64'), now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, version smallint,
          language text, "languageConfidence" real, "notAnalysed" jsonb, truncated boolean,
          "sentimentScore" real, "sentimentLabel" text, sentences jsonb, aspects jsonb,
          "keyPhrases" jsonb, "personalData" jsonb, "duplicateOf" uuid, minhash text)
        JOIN feedback f ON f.workspace_id = ${workspaceId} AND f.id = r.id
        LEFT JOIN LATERAL (
          SELECT corrected->>'label' AS label FROM analysis_corrections
          WHERE workspace_id = ${workspaceId} AND feedback_id = r.id AND field = 'sentiment'
          ORDER BY id DESC LIMIT 1) c ON TRUE
        ON CONFLICT (workspace_id, feedback_id) DO UPDATE SET
          version = EXCLUDED.version, language = EXCLUDED.language,
          language_confidence = EXCLUDED.language_confidence, not_analysed = EXCLUDED.not_analysed,
          truncated = EXCLUDED.truncated, sentiment_score = EXCLUDED.sentiment_score,
          sentiment_label = CASE WHEN a.sentiment_corrected THEN a.sentiment_label
            ELSE EXCLUDED.sentiment_label END,
          sentiment_corrected = a.sentiment_corrected OR EXCLUDED.sentiment_corrected,
          sentences = EXCLUDED.sentences, aspects = EXCLUDED.aspects,
          key_phrases = EXCLUDED.key_phrases, personal_data = EXCLUDED.personal_data,
          duplicate_of = EXCLUDED.duplicate_of, minhash = EXCLUDED.minhash, analysed_at = now()
        RETURNING feedback_id AS id, sentiment_label AS "sentimentLabel",
          sentiment_corrected AS corrected`,
  );
}

export interface MentionRow {
  feedbackId: string;
  kind: string;
  entityId: string;
  start: number;
  end: number;
  text: string;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
}

/** Replaces the mentions of these feedback items with the ones just found. */
export async function replaceMentions(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
  rows: MentionRow[],
) {
  await db.execute(
    sql`DELETE FROM mentions WHERE workspace_id = ${workspaceId} AND feedback_id = ANY(${uuidArray(feedbackIds)})`,
  );
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO mentions (workspace_id, feedback_id, kind, entity_id, start, "end", text,
          sentiment_score, sentiment_label, received_at)
        SELECT ${workspaceId}::uuid, r."feedbackId", r.kind, r."entityId", r.start, r."end", r.text,
          r."sentimentScore", r."sentimentLabel", f.received_at
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("feedbackId" uuid, kind text,
          "entityId" uuid, start int, "end" int, text text, "sentimentScore" real,
          "sentimentLabel" text)
        JOIN feedback f ON f.workspace_id = ${workspaceId} AND f.id = r."feedbackId"`,
  );
}

export interface DuplicateCandidate {
  id: string;
  /** The stored signature; when there is none (analysed before signatures were stored), the text. */
  minhash: Uint8Array | null;
  text: string | null;
  receivedAt: string;
  duplicateOf: string | null;
}

/**
 * What an item's similarity bands are made from, over `feedback f LEFT JOIN feedback_analysis a`:
 * its id, the stored signature and, only where there is none, the start of its text.
 */
export const signatureSource = (maxChars: number) =>
  sql`f.id, a.minhash, CASE WHEN a.minhash IS NULL THEN left(f.text, ${maxChars}) END AS text`;

/** Candidates' signatures (to verify similarity) and the group each already belongs to. */
export function loadCandidates(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  maxChars: number,
) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<DuplicateCandidate>(
    db,
    sql`SELECT ${signatureSource(maxChars)},
          f.received_at AS "receivedAt", a.duplicate_of AS "duplicateOf"
        FROM feedback f
        LEFT JOIN feedback_analysis a ON a.workspace_id = f.workspace_id AND a.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId} AND f.id = ANY(${uuidArray(ids)})`,
  );
}

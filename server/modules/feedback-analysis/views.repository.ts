import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type {
  AspectSentiment,
  KeyPhrase,
  MentionKind,
  PersonalDataSpan,
  SentenceSentiment,
  SentimentLabel,
} from '../analysis/types.ts';
import { uuidArray } from './analysis.repository.ts';

export interface StoredAnalysis {
  feedbackId: string;
  version: number;
  language: string;
  languageConfidence: number;
  notAnalysed: string[];
  truncated: boolean;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
  sentimentCorrected: boolean;
  sentences: SentenceSentiment[];
  aspects: AspectSentiment[];
  keyPhrases: KeyPhrase[];
  personalData: PersonalDataSpan[];
  duplicateOf: string | null;
  analysedAt: string;
}

export interface StoredMention {
  feedbackId: string;
  kind: MentionKind;
  entityId: string;
  /** The directory entry's name now; null when it was removed from the directory. */
  name: string | null;
  text: string;
  start: number;
  end: number;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
}

export function findAnalyses(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<StoredAnalysis>(
    db,
    sql`SELECT feedback_id AS "feedbackId", version, language,
          language_confidence AS "languageConfidence", not_analysed AS "notAnalysed", truncated,
          sentiment_score AS "sentimentScore", sentiment_label AS "sentimentLabel",
          sentiment_corrected AS "sentimentCorrected", sentences, aspects,
          key_phrases AS "keyPhrases", personal_data AS "personalData",
          duplicate_of AS "duplicateOf", analysed_at AS "analysedAt"
        FROM feedback_analysis
        WHERE workspace_id = ${workspaceId} AND feedback_id = ANY(${uuidArray(ids)})`,
  );
}

export function findMentions(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<StoredMention>(
    db,
    sql`SELECT m.feedback_id AS "feedbackId", m.kind, m.entity_id AS "entityId",
          coalesce(p.name, t.name, e.name) AS name, m.text, m.start, m."end",
          m.sentiment_score AS "sentimentScore", m.sentiment_label AS "sentimentLabel"
        FROM mentions m
        LEFT JOIN staff_people p ON m.kind = 'person' AND p.workspace_id = m.workspace_id AND p.id = m.entity_id
        LEFT JOIN staff_teams t ON m.kind = 'team' AND t.workspace_id = m.workspace_id AND t.id = m.entity_id
        LEFT JOIN tracked_entities e ON m.kind NOT IN ('person', 'team')
          AND e.workspace_id = m.workspace_id AND e.id = m.entity_id
        WHERE m.workspace_id = ${workspaceId} AND m.feedback_id = ANY(${uuidArray(ids)})
        ORDER BY m.feedback_id, m.start`,
  );
}

export async function redactsPersonalData(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await queryRows<{ redact: boolean }>(
    db,
    sql`SELECT redact_personal_data AS redact FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.redact ?? false;
}

export async function setRedactsPersonalData(db: Db, workspaceId: string, redact: boolean) {
  await db.execute(
    sql`UPDATE workspaces SET redact_personal_data = ${redact} WHERE id = ${workspaceId}`,
  );
}

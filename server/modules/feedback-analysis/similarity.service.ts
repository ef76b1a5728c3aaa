import type { Db } from '../../db/client.ts';
import {
  DEFAULT_SIMILARITY,
  DUPLICATE_THRESHOLD,
  estimateJaccard,
  lshBands,
  signatureFromBytes,
  textSignature,
} from '../analysis/similarity/index.ts';
import * as repo from './similarity.repository.ts';

/**
 * Near-identical texts in a workspace, by MinHash/LSH: `recordText` stores a text's band hashes
 * under a subject ('feedback', or 'reply' for outgoing replies, to find stock answers), and
 * `findSimilarTexts` finds the recorded texts that nearly repeat a new one.
 */
export type SimilaritySubject = 'feedback' | 'reply';

/** Only the start of a long text is compared: near-duplicates differ little at the start. */
export const SIMILARITY_MAX_CHARS = 5_000;
/**
 * How deep each LSH bucket is read per lookup, and how many of the subjects found are kept per
 * text: those sharing the most bands, the likeliest to pass the signature check (findBandMatches).
 * A complaint repeated by thousands fills every bucket it falls in; verifying a few of the most
 * alike is enough to find its group, and keeps the work per item flat. Measured on 4,000 items
 * built from 22 sentences (the analysis bench's data, the worst case): 2,387 repeats found against
 * 2,422 reading every bucket 10 deep and keeping every subject, for a third less database time.
 */
export const MATCH_DEPTH = { perBucket: 5, perProbe: 8 };

export function signatureOf(text: string): Uint32Array | null {
  return textSignature(text.slice(0, SIMILARITY_MAX_CHARS));
}

/** An analysed item's signature: the stored one, else (stored before signatures were) its text's. */
export function storedSignature(row: {
  minhash: Uint8Array | null;
  text: string | null;
}): Uint32Array | null {
  if (row.minhash) return signatureFromBytes(row.minhash);
  return row.text === null ? null : signatureOf(row.text);
}

/** A text's band hashes (none for a text too short to compare). */
export function textBands(subjectId: string, signature: Uint32Array | null): repo.TextBands[] {
  if (!signature) return [];
  return [{ subjectId, hashes: lshBands(signature).map(({ hash }) => hash) }];
}

/**
 * Stores the bands of new texts (an outgoing reply when it is sent); texts too short to compare
 * store none. Recording the same text again changes nothing. Feedback records its bands through
 * analysis (duplicates.service.ts), which also replaces them when a text is revised.
 */
export async function recordTexts(
  db: Db,
  workspaceId: string,
  subject: SimilaritySubject,
  texts: ReadonlyArray<{ id: string; text: string }>,
): Promise<void> {
  const bands = texts.flatMap(({ id, text }) => textBands(id, signatureOf(text)));
  await repo.insertBands(db, workspaceId, subject, bands);
}

export function recordText(
  db: Db,
  workspaceId: string,
  subject: SimilaritySubject,
  subjectId: string,
  text: string,
): Promise<void> {
  return recordTexts(db, workspaceId, subject, [{ id: subjectId, text }]);
}

/**
 * Jaccard similarity implied by the share of bands two signatures share: a band matches with
 * probability J^rows, so J ≈ (shared / bands)^(1/rows). Coarser than comparing signatures, and
 * needs nothing but the stored bands.
 */
export function similarityFromBands(shared: number): number {
  const { bands, rows } = DEFAULT_SIMILARITY;
  return Math.round(Math.min(1, shared / bands) ** (1 / rows) * 1000) / 1000;
}

export interface SimilarText {
  subjectId: string;
  /** Estimated Jaccard similarity of the two texts' word shingles, 0..1. */
  similarity: number;
}

export interface FindSimilarOptions {
  threshold?: number;
  limit?: number;
  /** Leave this subject out (the text's own id, when it is recorded already). */
  excludeId?: string;
  /**
   * Loads candidates' texts to verify them by signature; without it, similarity is estimated
   * from the share of bands matched.
   */
  loadTexts?: (ids: string[]) => Promise<Map<string, string>>;
}

const PROBE_ID = '00000000-0000-0000-0000-000000000000';

/** Recorded texts of the subject that nearly repeat `text`, most similar first. */
export async function findSimilarTexts(
  db: Db,
  workspaceId: string,
  subject: SimilaritySubject,
  text: string,
  options: FindSimilarOptions = {},
): Promise<SimilarText[]> {
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const signature = signatureOf(text);
  if (!signature) return [];
  const matches = await repo.findBandMatches(
    db,
    workspaceId,
    subject,
    textBands(PROBE_ID, signature),
    { ...MATCH_DEPTH, perProbe: Math.max(MATCH_DEPTH.perProbe, options.limit ?? 20) },
  );
  const candidates = matches.filter((match) => match.candidateId !== options.excludeId);
  let found: SimilarText[];
  if (options.loadTexts) {
    const texts = await options.loadTexts(candidates.map((match) => match.candidateId));
    found = candidates.flatMap(({ candidateId }) => {
      const other = signatureOf(texts.get(candidateId) ?? '');
      return other
        ? [{ subjectId: candidateId, similarity: estimateJaccard(signature, other) }]
        : [];
    });
  } else {
    found = candidates.map(({ candidateId, shared }) => ({
      subjectId: candidateId,
      similarity: similarityFromBands(shared),
    }));
  }
  return found
    .filter((match) => match.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity || a.subjectId.localeCompare(b.subjectId))
    .slice(0, options.limit ?? 20);
}

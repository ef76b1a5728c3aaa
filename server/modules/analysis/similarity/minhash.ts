import { mix32 } from './hash.ts';
import { shingleHashes, similarityTokens } from './shingles.ts';

export interface SimilarityParameters {
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands; `bands × rows` is the signature length. */
  bands: number;
  rows: number;
  /** Texts with fewer words are not compared: "thanks!" from many people is not one complaint. */
  minTokens: number;
}

/**
 * Word pairs (2-shingles): feedback is short, and with triples one changed word in a
 * 17-word complaint already drops the similarity below 0.7; with pairs it stays near 0.8, while
 * "the app is really great" and "the app is really slow" stay apart (0.6).
 * 20 bands of 5 rows (100 hashes): texts with Jaccard similarity 0.8 share a band with
 * probability 0.9996, at 0.7 with 0.975, at 0.5 with 0.47 and at 0.3 with 0.05, so candidates
 * above the duplicate threshold are almost never missed while unrelated texts rarely meet.
 * `bench/similarity.ts` measures this on synthetic near-duplicates.
 */
export const DEFAULT_SIMILARITY: SimilarityParameters = {
  shingleSize: 2,
  bands: 20,
  rows: 5,
  minTokens: 5,
};

const seedCache = new Map<number, Uint32Array>();

/** Fixed per-position seeds (a splitmix-style sequence), the same in every process and release. */
function seeds(length: number): Uint32Array {
  let cached = seedCache.get(length);
  if (!cached) {
    cached = new Uint32Array(length);
    let state = 0x3c6ef372;
    for (let index = 0; index < length; index++) {
      state = (state + 0x9e3779b9) >>> 0;
      cached[index] = mix32(state);
    }
    seedCache.set(length, cached);
  }
  return cached;
}

/**
 * The MinHash signature of a set of shingle hashes: for each of `length` hash functions
 * (h_i(x) = mix32(x XOR seed_i)), the smallest value over the set. Two signatures agree at a
 * position with probability equal to the Jaccard similarity of the two sets.
 */
export function minHash(shingles: Uint32Array, length: number): Uint32Array {
  const seedList = seeds(length);
  const signature = new Uint32Array(length).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let index = 0; index < length; index++) {
      const value = mix32(shingle ^ seedList[index]!);
      if (value < signature[index]!) signature[index] = value;
    }
  }
  return signature;
}

/** A text's signature, or null when it is too short to compare. */
export function textSignature(
  text: string,
  parameters: SimilarityParameters = DEFAULT_SIMILARITY,
): Uint32Array | null {
  const tokens = similarityTokens(text);
  if (tokens.length < parameters.minTokens) return null;
  return minHash(shingleHashes(tokens, parameters.shingleSize), parameters.bands * parameters.rows);
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('signatures of different lengths');
  if (a.length === 0) return 0;
  let equal = 0;
  for (let index = 0; index < a.length; index++) if (a[index] === b[index]) equal++;
  return equal / a.length;
}

/** The exact Jaccard similarity of two texts' shingle sets (for tests and the benchmark). */
export function exactJaccard(
  first: string,
  second: string,
  shingleSize = DEFAULT_SIMILARITY.shingleSize,
): number {
  const a = new Set(shingleHashes(similarityTokens(first), shingleSize));
  const b = new Set(shingleHashes(similarityTokens(second), shingleSize));
  let shared = 0;
  for (const value of a) if (b.has(value)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

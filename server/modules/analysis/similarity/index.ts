/**
 * Near-duplicate detection: MinHash signatures of word shingles, and LSH banding so a store finds
 * candidates by equality lookups. Pure: persistence lives in server/modules/feedback-analysis.
 */
export {
  DEFAULT_SIMILARITY,
  estimateJaccard,
  exactJaccard,
  minHash,
  textSignature,
  type SimilarityParameters,
} from './minhash.ts';
export { candidateProbability, lshBands, LshIndex, type BandHash } from './lsh.ts';
export { shingleHashes, similarityTokens } from './shingles.ts';
export { signatureFromBytes, signatureToBytes } from './signature-bytes.ts';

/** Estimated Jaccard similarity at or above which one text counts as a near-duplicate of another. */
export const DUPLICATE_THRESHOLD = 0.7;

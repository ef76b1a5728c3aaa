import { combine32 } from './hash.ts';
import { DEFAULT_SIMILARITY, type SimilarityParameters } from './minhash.ts';

export interface BandHash {
  band: number;
  /** A 32-bit hash of the band's rows; equal hashes in the same band mark a candidate pair. */
  hash: number;
}

/**
 * Locality-sensitive hashing by banding: the signature is cut into `bands` runs of `rows` values
 * and each run hashed. Two texts become candidates when any band hashes equal, which happens with
 * probability 1 − (1 − J^rows)^bands for Jaccard similarity J: an S-curve that lets a store find
 * near-duplicates by equality lookups instead of comparing every pair.
 */
export function lshBands(
  signature: Uint32Array,
  parameters: Pick<SimilarityParameters, 'bands' | 'rows'> = DEFAULT_SIMILARITY,
): BandHash[] {
  const { bands, rows } = parameters;
  if (signature.length !== bands * rows)
    throw new Error(`a signature of ${signature.length} values cannot make ${bands}×${rows} bands`);
  const result: BandHash[] = [];
  for (let band = 0; band < bands; band++) {
    let hash = combine32(0x1b873593, band);
    for (let row = 0; row < rows; row++) hash = combine32(hash, signature[band * rows + row]!);
    result.push({ band, hash });
  }
  return result;
}

/** The probability that two texts of Jaccard similarity `jaccard` share at least one band. */
export function candidateProbability(
  jaccard: number,
  parameters: Pick<SimilarityParameters, 'bands' | 'rows'> = DEFAULT_SIMILARITY,
): number {
  return 1 - (1 - jaccard ** parameters.rows) ** parameters.bands;
}

/**
 * An in-memory LSH index: add signatures under ids, ask for the ids sharing a band with a
 * signature. The database version of the same idea is the `text_similarity_bands` table.
 */
export class LshIndex<Id> {
  private readonly buckets = new Map<string, Id[]>();

  constructor(
    private readonly parameters: Pick<SimilarityParameters, 'bands' | 'rows'> = DEFAULT_SIMILARITY,
  ) {}

  add(id: Id, signature: Uint32Array): void {
    for (const { band, hash } of lshBands(signature, this.parameters)) {
      const key = `${band}:${hash}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  candidates(signature: Uint32Array): Set<Id> {
    const found = new Set<Id>();
    for (const { band, hash } of lshBands(signature, this.parameters))
      for (const id of this.buckets.get(`${band}:${hash}`) ?? []) found.add(id);
    return found;
  }
}

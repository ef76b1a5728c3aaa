/**
 * Sparse vectors over phrase features. An item's vector holds its key phrases and the words and
 * word pairs inside them, so "delivery delay" and "late delivery" meet on "delivery" while each
 * phrase still counts most for itself. Items use fixed weights (no corpus statistics), which lets
 * a new item be compared with a stored theme centroid without the corpus; the centroids carry the
 * inverse document frequency instead.
 */
export type TermWeights = Record<string, number>;

/** A whole phrase weighs most; a pair of words inside a longer phrase less; a single word least. */
const PHRASE_WEIGHT = 1;
const PAIR_WEIGHT = 0.7;
const WORD_WEIGHT = 0.5;
/** Terms kept in a theme's centroid: enough to recognise it, few enough to store and compare fast. */
export const CENTROID_TERMS = 40;

/** Features of one item from its key phrases, L2-normalised. Repeated phrases count once. */
export function itemFeatures(phrases: Iterable<string>): Map<string, number> {
  const features = new Map<string, number>();
  const raise = (term: string, weight: number) => {
    if ((features.get(term) ?? 0) < weight) features.set(term, weight);
  };
  for (const phrase of phrases) {
    const words = phrase.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    raise(words.join(' '), PHRASE_WEIGHT);
    if (words.length < 2) continue;
    for (const word of words) raise(word, WORD_WEIGHT);
    if (words.length < 3) continue;
    for (let index = 0; index + 1 < words.length; index += 1) {
      raise(`${words[index]} ${words[index + 1]}`, PAIR_WEIGHT);
    }
  }
  return normalise(features);
}

export function normalise(vector: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Dot product of an item's features with a centroid; both normalised, so it is the cosine. */
export function similarity(features: ReadonlyMap<string, number>, centroid: TermWeights): number {
  let sum = 0;
  for (const [term, weight] of features) {
    const other = centroid[term];
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

export function centroidSimilarity(a: TermWeights, b: TermWeights): number {
  let sum = 0;
  const [small, large] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a];
  for (const term in small) {
    const other = large[term];
    if (other !== undefined) sum += small[term]! * other;
  }
  return sum;
}

/** The heaviest `limit` terms, renormalised, with weights rounded for storage. */
export function toCentroid(sums: ReadonlyMap<string, number>, limit = CENTROID_TERMS): TermWeights {
  const top = [...sums.entries()]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit);
  const norm = Math.sqrt(top.reduce((sum, [, weight]) => sum + weight * weight, 0));
  const centroid: TermWeights = {};
  if (norm === 0) return centroid;
  for (const [term, weight] of top) centroid[term] = Math.round((weight / norm) * 1e4) / 1e4;
  return centroid;
}

/** A size-weighted blend of centroids (merging themes), renormalised. */
export function blendCentroids(
  parts: ReadonlyArray<{ terms: TermWeights; size: number }>,
): TermWeights {
  const sums = new Map<string, number>();
  for (const { terms, size } of parts) {
    const weight = Math.max(1, size);
    for (const term in terms) sums.set(term, (sums.get(term) ?? 0) + terms[term]! * weight);
  }
  return toCentroid(sums);
}

/** Staff edits applied to a centroid: excluded phrases removed, included ones made prominent. */
export function applyStaffTerms(
  terms: TermWeights,
  staff: { include: readonly string[]; exclude: readonly string[] },
): TermWeights {
  const sums = new Map(Object.entries(terms));
  const excluded = new Set(staff.exclude);
  for (const term of sums.keys()) {
    if (excluded.has(term)) sums.delete(term);
  }
  const top = Math.max(0.5, ...sums.values());
  for (const phrase of staff.include) {
    for (const [term, weight] of itemFeatures([phrase])) {
      if (!excluded.has(term)) sums.set(term, Math.max(sums.get(term) ?? 0, top * weight));
    }
  }
  return toCentroid(sums, CENTROID_TERMS + staff.include.length);
}

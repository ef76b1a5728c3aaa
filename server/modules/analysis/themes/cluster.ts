import { Corpus, type ThemeItem } from './corpus.ts';
import { nameThemes } from './naming.ts';
import { CENTROID_TERMS, type TermWeights } from './vectors.ts';

export type { ThemeItem };

export interface ClusterOptions {
  /** Smallest theme kept; defaults to √items / 3, at least 5 (10 for 1,000 items, 105 for 100,000). */
  minClusterSize?: number;
  /** Most themes returned (the largest are kept). */
  maxThemes?: number;
  /** Least cosine between an item and a theme for the item to belong to it. */
  assignThreshold?: number;
  /** Themes whose centroids are at least this similar are merged. */
  mergeThreshold?: number;
  /** Refinement passes (assign, recompute centroids). */
  iterations?: number;
}

export interface FoundTheme {
  name: string;
  /** Best phrases first; the name is made from them. */
  phrases: string[];
  /** The centroid: the theme's terms with weights, L2-normalised. */
  terms: TermWeights;
  /** Items whose best theme this is, by index into the input. */
  members: number[];
}

export interface Clustering {
  themes: FoundTheme[];
  /** Items that fit no theme well enough. */
  unassigned: number[];
}

export const DEFAULT_ASSIGN_THRESHOLD = 0.2;
export const DEFAULT_MERGE_THRESHOLD = 0.5;
const DEFAULT_MAX_THEMES = 60;
/** A seed phrase mostly covered by earlier seeds adds no new theme. */
const SEED_OVERLAP = 0.7;
/** Terms in more than this share of items ("app") describe the product, not a theme. */
const MAX_SEED_DF = 0.4;

/**
 * Themes from key phrases, in time linear in the number of items:
 * 1. seeds: frequent, specific phrases (document frequency × idf), skipping phrases whose items
 *    earlier seeds already cover — automatic k without a guess;
 * 2. a few k-means passes with sparse cosine: each item scores only the themes sharing a term with
 *    it (an inverted index over centroid terms), then centroids are recomputed (idf-weighted);
 * 3. themes whose centroids are similar are merged (greedy, most similar pair first), small ones
 *    dissolve, and a last pass assigns every item; 4. names come from each theme's own phrases.
 */
export function clusterItems(
  items: readonly ThemeItem[],
  options: ClusterOptions = {},
): Clustering {
  const corpus = new Corpus(items);
  return clusterCorpus(corpus, options);
}

export function clusterCorpus(corpus: Corpus, options: ClusterOptions = {}): Clustering {
  const minSize = options.minClusterSize ?? defaultMinClusterSize(corpus.size);
  const maxThemes = options.maxThemes ?? DEFAULT_MAX_THEMES;
  const threshold = options.assignThreshold ?? DEFAULT_ASSIGN_THRESHOLD;
  const scratch = new Float64Array(corpus.terms.length);
  let centroids = seedCentroids(corpus, minSize, maxThemes * 4, scratch);
  let sizes = centroids.map(() => minSize);
  for (let pass = 0; pass < (options.iterations ?? 3); pass += 1) {
    const passBest = assignBest(corpus, centroids, threshold);
    ({ centroids, sizes } = recompute(corpus, passBest, centroids.length, minSize, scratch));
  }
  const mergeThreshold = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  centroids = mergeSimilar(centroids, sizes, mergeThreshold);
  let best = assignBest(corpus, centroids, threshold);
  ({ centroids } = recompute(corpus, best, centroids.length, minSize, scratch));
  best = assignBest(corpus, centroids, threshold);
  const groups = membersOf(best, centroids.length);
  const kept = groups
    .map((members, index) => ({ members, index }))
    .filter(({ members }) => members.length >= minSize)
    .sort((a, b) => b.members.length - a.members.length)
    .slice(0, maxThemes);
  if (kept.length < centroids.length) {
    centroids = kept.map(({ index }) => centroids[index]!);
    best = assignBest(corpus, centroids, threshold);
  }
  return describe(corpus, centroids, best, scratch);
}

export function defaultMinClusterSize(items: number): number {
  return Math.max(5, Math.round(Math.sqrt(items) / 3));
}

function describe(
  corpus: Corpus,
  centroids: Map<number, number>[],
  best: Int32Array,
  scratch: Float64Array,
): Clustering {
  const groups = membersOf(best, centroids.length);
  const themes = groups
    .map((members) => ({
      members,
      terms: corpus.termWeights(corpus.centroid(members, scratch, CENTROID_TERMS)),
    }))
    .filter((theme) => theme.members.length > 0);
  const totals = new Map<string, number>();
  corpus.terms.forEach((term, id) => {
    if (corpus.isPhrase[id]) totals.set(term, corpus.df[id]!);
  });
  const names = nameThemes(
    themes.map((theme) => ({
      size: theme.members.length,
      phraseCounts: corpus.phraseCounts(theme.members),
      terms: theme.terms,
    })),
    totals,
  );
  const unassigned: number[] = [];
  best.forEach((theme, item) => {
    if (theme < 0) unassigned.push(item);
  });
  return {
    themes: themes.map((theme, index) => ({ ...names[index]!, ...theme })),
    unassigned,
  };
}

function seedCentroids(
  corpus: Corpus,
  minSize: number,
  maxSeeds: number,
  scratch: Float64Array,
): Map<number, number>[] {
  const candidates: number[] = [];
  for (let id = 0; id < corpus.terms.length; id += 1) {
    const df = corpus.df[id]!;
    if (corpus.isPhrase[id] && df >= minSize && df <= MAX_SEED_DF * corpus.size) {
      candidates.push(id);
    }
  }
  const score = (id: number) => corpus.df[id]! * corpus.idf[id]!;
  candidates.sort((a, b) => score(b) - score(a) || a - b);
  const postings = new Map<number, number[]>(candidates.map((id) => [id, []]));
  corpus.featureIds.forEach((ids, item) => {
    for (const id of ids) postings.get(id)?.push(item);
  });
  const covered = new Uint8Array(corpus.size);
  const seeds: Map<number, number>[] = [];
  for (const id of candidates) {
    if (seeds.length >= maxSeeds) break;
    const items = postings.get(id)!;
    const overlap = items.reduce((sum, item) => sum + covered[item]!, 0) / items.length;
    if (overlap >= SEED_OVERLAP) continue;
    for (const item of items) covered[item] = 1;
    seeds.push(corpus.centroid(items, scratch, CENTROID_TERMS));
  }
  return seeds;
}

/** Each item's most similar centroid (−1 below the threshold), through an inverted term index. */
export function assignBest(
  corpus: Corpus,
  centroids: Map<number, number>[],
  threshold: number,
): Int32Array {
  const postings = new Map<number, Array<[number, number]>>();
  centroids.forEach((centroid, index) => {
    for (const [id, weight] of centroid) {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push([index, weight]);
    }
  });
  const scores = new Float64Array(centroids.length);
  const best = new Int32Array(corpus.size).fill(-1);
  for (let item = 0; item < corpus.size; item += 1) {
    const ids = corpus.featureIds[item]!;
    const weights = corpus.featureWeights[item]!;
    const touched: number[] = [];
    for (let feature = 0; feature < ids.length; feature += 1) {
      const list = postings.get(ids[feature]!);
      if (!list) continue;
      for (const [index, weight] of list) {
        if (scores[index] === 0) touched.push(index);
        scores[index]! += weights[feature]! * weight;
      }
    }
    let top = threshold;
    for (const index of touched) {
      if (scores[index]! >= top) {
        top = scores[index]!;
        best[item] = index;
      }
      scores[index] = 0;
    }
  }
  return best;
}

function membersOf(best: Int32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  best.forEach((theme, item) => {
    if (theme >= 0) groups[theme]!.push(item);
  });
  return groups;
}

/** Centroids of the themes with at least `minSize` items, and their sizes. */
function recompute(
  corpus: Corpus,
  best: Int32Array,
  count: number,
  minSize: number,
  scratch: Float64Array,
): { centroids: Map<number, number>[]; sizes: number[] } {
  const groups = membersOf(best, count).filter((members) => members.length >= minSize);
  return {
    centroids: groups.map((members) => corpus.centroid(members, scratch, CENTROID_TERMS)),
    sizes: groups.map((members) => members.length),
  };
}

/**
 * Greedy agglomeration: merge the most similar pair above the threshold until none is left. The
 * pair similarities are kept in a matrix; a merge recomputes one row, so this is O(k²) overall.
 */
function mergeSimilar(
  centroids: Map<number, number>[],
  sizes: number[],
  threshold: number,
): Map<number, number>[] {
  const count = centroids.length;
  const current = [...centroids];
  const weight = [...sizes];
  const alive = new Uint8Array(count).fill(1);
  const matrix = new Float64Array(count * count);
  const similar = (a: Map<number, number>, b: Map<number, number>) => {
    let sum = 0;
    for (const [id, value] of a) sum += value * (b.get(id) ?? 0);
    return sum;
  };
  const fillRow = (a: number) => {
    for (let b = 0; b < count; b += 1) {
      const value = a !== b && alive[b] ? similar(current[a]!, current[b]!) : 0;
      matrix[a * count + b] = value;
      matrix[b * count + a] = value;
    }
  };
  for (let a = 0; a < count; a += 1) fillRow(a);
  for (;;) {
    let pair: [number, number] | undefined;
    let top = threshold;
    for (let a = 0; a < count; a += 1) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < count; b += 1) {
        if (alive[b] && matrix[a * count + b]! >= top) {
          top = matrix[a * count + b]!;
          pair = [a, b];
        }
      }
    }
    if (!pair) break;
    const [a, b] = pair;
    const blended = new Map<number, number>();
    for (const index of pair) {
      for (const [id, value] of current[index]!) {
        blended.set(id, (blended.get(id) ?? 0) + value * weight[index]!);
      }
    }
    const norm = Math.sqrt([...blended.values()].reduce((sum, value) => sum + value * value, 0));
    for (const [id, value] of blended) blended.set(id, value / norm);
    current[a] = blended;
    weight[a] = weight[a]! + weight[b]!;
    alive[b] = 0;
    fillRow(b);
    fillRow(a);
  }
  return current.filter((_, index) => alive[index]);
}

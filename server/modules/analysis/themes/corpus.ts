import { itemFeatures, type TermWeights } from './vectors.ts';

/** One analysed item: its id and the `phrase` of each of its key phrases. */
export interface ThemeItem {
  id: string;
  phrases: readonly string[];
}

/**
 * Items as integer-indexed sparse vectors, with document frequencies and inverse document
 * frequencies, so clustering 100,000 items touches typed arrays rather than maps of strings.
 */
export class Corpus {
  readonly terms: string[] = [];
  readonly termIds = new Map<string, number>();
  /** Per item: feature ids and their weights (the item's normalised vector). */
  readonly featureIds: Int32Array[] = [];
  readonly featureWeights: Float64Array[] = [];
  /** Per item: ids of the whole key phrases it contains (for naming). */
  readonly phraseIds: Int32Array[] = [];
  df: Int32Array = new Int32Array(0);
  idf: Float64Array = new Float64Array(0);
  /** Whether a term occurs as a whole key phrase somewhere (not only inside longer phrases). */
  isPhrase: Uint8Array = new Uint8Array(0);

  constructor(readonly items: readonly ThemeItem[]) {
    const df: number[] = [];
    const phrase: number[] = [];
    for (const item of items) {
      const features = itemFeatures(item.phrases);
      const ids = new Int32Array(features.size);
      const weights = new Float64Array(features.size);
      let index = 0;
      for (const [term, weight] of features) {
        const id = this.intern(term);
        df[id] = (df[id] ?? 0) + 1;
        ids[index] = id;
        weights[index] = weight;
        index += 1;
      }
      const wholes = new Set<number>();
      for (const text of item.phrases) {
        const id = this.termIds.get(text.split(' ').filter(Boolean).join(' '));
        if (id !== undefined) wholes.add(id);
      }
      for (const id of wholes) phrase[id] = 1;
      this.featureIds.push(ids);
      this.featureWeights.push(weights);
      this.phraseIds.push(Int32Array.from(wholes));
    }
    const size = this.terms.length;
    this.df = Int32Array.from({ length: size }, (_, id) => df[id] ?? 0);
    this.isPhrase = Uint8Array.from({ length: size }, (_, id) => phrase[id] ?? 0);
    this.idf = Float64Array.from(
      this.df,
      (count) => Math.log((items.length + 1) / (count + 1)) + 1,
    );
  }

  get size(): number {
    return this.items.length;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /**
   * The centroid of a set of items: the mean of their vectors weighted by inverse document
   * frequency, so words every theme shares ("app", "service") weigh little. `scratch` is a
   * zeroed array of the vocabulary's size, reused across calls and left zeroed.
   */
  centroid(members: ArrayLike<number>, scratch: Float64Array, limit: number): Map<number, number> {
    const touched: number[] = [];
    for (let index = 0; index < members.length; index += 1) {
      const item = members[index]!;
      const ids = this.featureIds[item]!;
      const weights = this.featureWeights[item]!;
      for (let feature = 0; feature < ids.length; feature += 1) {
        const id = ids[feature]!;
        if (scratch[id] === 0) touched.push(id);
        scratch[id]! += weights[feature]!;
      }
    }
    for (const id of touched) scratch[id] = scratch[id]! * this.idf[id]!;
    touched.sort((a, b) => scratch[b]! - scratch[a]! || a - b);
    const top = touched.slice(0, limit);
    const norm = Math.sqrt(top.reduce((sum, id) => sum + scratch[id]! ** 2, 0));
    const centroid = new Map<number, number>();
    for (const id of top) centroid.set(id, norm > 0 ? scratch[id]! / norm : 0);
    for (const id of touched) scratch[id] = 0;
    return centroid;
  }

  /** A centroid as stored: term → weight, rounded. */
  termWeights(centroid: ReadonlyMap<number, number>): TermWeights {
    const terms: TermWeights = {};
    for (const [id, weight] of centroid) terms[this.terms[id]!] = Math.round(weight * 1e4) / 1e4;
    return terms;
  }

  /** Counts of whole phrases among the given items. */
  phraseCounts(members: ArrayLike<number>): Map<string, number> {
    const counts = new Map<string, number>();
    for (let index = 0; index < members.length; index += 1) {
      for (const id of this.phraseIds[members[index]!]!) {
        const term = this.terms[id]!;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
    return counts;
  }
}

import { performance } from 'node:perf_hooks';
import {
  candidateProbability,
  DEFAULT_SIMILARITY,
  DUPLICATE_THRESHOLD,
  estimateJaccard,
  exactJaccard,
  LshIndex,
  textSignature,
} from '../server/modules/analysis/similarity/index.ts';
import {
  intArg,
  note,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'Near-duplicates: MinHash signatures/s, and LSH candidate recall/precision on synthetic near-duplicates';

/** A small deterministic generator, so every run measures the same texts. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = Array.from({ length: 3000 }, (_, index) => `w${index.toString(36)}`);

function baseText(next: () => number): string[] {
  const length = 12 + Math.floor(next() * 50);
  return Array.from({ length }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
}

/** A copy with `edits` word changes (substitution, deletion or insertion at random places). */
function variant(words: string[], edits: number, next: () => number): string[] {
  const copy = [...words];
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(next() * copy.length);
    const word = VOCABULARY[Math.floor(next() * VOCABULARY.length)]!;
    const kind = next();
    if (kind < 0.4) copy[at] = word;
    else if (kind < 0.7 && copy.length > 6) copy.splice(at, 1);
    else copy.splice(at, 0, word);
  }
  return copy;
}

export async function main(args: string[]): Promise<void> {
  const groups = intArg(args, 'groups', 5000);
  const next = random(42);
  noteMachine();
  // Each group: an original and a variant with 0–8 edits, so exact similarity spans 0.2–1.
  const texts: string[] = [];
  const pairs: Array<[number, number]> = [];
  for (let group = 0; group < groups; group++) {
    const words = baseText(next);
    texts.push(words.join(' '));
    texts.push(variant(words, Math.floor(next() * 9), next).join(' '));
    pairs.push([texts.length - 2, texts.length - 1]);
  }
  progress(`${texts.length} texts; signing`);
  const started = performance.now();
  const signatures = texts.map((text) => textSignature(text)!);
  const signMs = performance.now() - started;

  const indexStarted = performance.now();
  const index = new LshIndex<number>();
  const candidatePairs = new Set<string>();
  signatures.forEach((signature, id) => {
    for (const other of index.candidates(signature)) candidatePairs.add(`${other}:${id}`);
    index.add(id, signature);
  });
  const indexMs = performance.now() - indexStarted;

  // Recall: of the pairs truly above the threshold, how many became candidates.
  let similar = 0;
  let found = 0;
  let verified = 0;
  for (const [a, b] of pairs) {
    if (exactJaccard(texts[a]!, texts[b]!) < DUPLICATE_THRESHOLD) continue;
    similar++;
    if (candidatePairs.has(`${a}:${b}`)) {
      found++;
      if (estimateJaccard(signatures[a]!, signatures[b]!) >= DUPLICATE_THRESHOLD) verified++;
    }
  }
  // Precision: of the candidate pairs, how many truly are above the threshold, before and after
  // verification by estimated similarity.
  let truePositives = 0;
  let acceptedTrue = 0;
  let accepted = 0;
  for (const key of candidatePairs) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const truly = exactJaccard(texts[a]!, texts[b]!) >= DUPLICATE_THRESHOLD;
    if (truly) truePositives++;
    if (estimateJaccard(signatures[a]!, signatures[b]!) >= DUPLICATE_THRESHOLD) {
      accepted++;
      if (truly) acceptedTrue++;
    }
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const figures = {
    texts: texts.length,
    signatures_per_s: perSecond(texts.length, signMs),
    lsh_lookups_per_s: perSecond(texts.length, indexMs),
    similar_pairs: similar,
    candidate_recall: round(found / Math.max(similar, 1)),
    verified_recall: round(verified / Math.max(similar, 1)),
    candidate_precision: round(truePositives / Math.max(candidatePairs.size, 1)),
    verified_precision: round(acceptedTrue / Math.max(accepted, 1)),
    candidates: candidatePairs.size,
  };
  printTable(
    `MinHash ${DEFAULT_SIMILARITY.bands * DEFAULT_SIMILARITY.rows} hashes, ${DEFAULT_SIMILARITY.bands} bands × ${DEFAULT_SIMILARITY.rows} rows, word ${DEFAULT_SIMILARITY.shingleSize}-grams, threshold ${DUPLICATE_THRESHOLD}`,
    ['measure', 'value'],
    Object.entries(figures).map(([key, value]) => [key, value]),
  );
  note(
    `P(candidate) at J=0.5/0.7/0.9: ${[0.5, 0.7, 0.9].map((j) => candidateProbability(j).toFixed(3)).join(' / ')}`,
  );
  note('texts: 12–61 words from 3,000; each original has one variant with 0–8 word edits.');
  note(
    'verified: a candidate kept only when the estimated Jaccard similarity reaches the threshold.',
  );
  printFigures(figures);
}

import { combine32, fnv1a32 } from './hash.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;
const COMBINING_MARK = /\p{M}/gu;

/**
 * The words of a text as compared for near-duplicates: lower case, accents dropped, punctuation
 * ignored, and every number the same token, so "order 1234 never came" repeats "Order #98765
 * never came!" (order numbers, dates and amounts differ between people writing the same thing).
 */
export function similarityTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of folded.matchAll(WORD)) tokens.push(DIGITS.test(match[0]) ? '#' : match[0]);
  return tokens;
}

/**
 * Hashes of the distinct word n-grams ("shingles") of the tokens. A text shorter than `size`
 * words is one shingle, so two identical short texts still match.
 */
export function shingleHashes(tokens: readonly string[], size: number): Uint32Array {
  const tokenHashes = tokens.map(fnv1a32);
  const count = Math.max(1, tokenHashes.length - size + 1);
  const seen = new Set<number>();
  for (let start = 0; start < count; start++) {
    let hash = 0x2545f491;
    const end = Math.min(tokenHashes.length, start + size);
    for (let index = start; index < end; index++) hash = combine32(hash, tokenHashes[index]!);
    seen.add(hash);
  }
  return Uint32Array.from(seen);
}

import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  DEFAULT_SIMILARITY,
  DUPLICATE_THRESHOLD,
  estimateJaccard,
  exactJaccard,
  LshIndex,
  lshBands,
  minHash,
  shingleHashes,
  similarityTokens,
  textSignature,
} from './index.ts';

const complaint =
  'I ordered the blue jacket three weeks ago and it still has not arrived, nobody answers my emails';

describe('similarity tokens and shingles', () => {
  it('folds case, accents, punctuation and numbers', () => {
    expect(similarityTokens('Café CRÈME, order #12345 — late!')).toEqual([
      'cafe',
      'creme',
      'order',
      '#',
      'late',
    ]);
  });

  it('makes distinct word n-grams, and one shingle for a text shorter than n', () => {
    expect(shingleHashes(['a', 'b', 'c', 'a', 'b', 'c'], 3)).toHaveLength(3);
    expect(shingleHashes(['a', 'b'], 3)).toHaveLength(1);
    expect(shingleHashes(['a', 'b', 'c'], 3)[0]).not.toBe(shingleHashes(['c', 'b', 'a'], 3)[0]);
  });
});

describe('MinHash', () => {
  it('gives identical texts identical signatures, whatever the punctuation and numbers', () => {
    const a = textSignature(complaint)!;
    const b = textSignature(complaint.toUpperCase().replace('three', 'three!!'))!;
    expect(a).toHaveLength(DEFAULT_SIMILARITY.bands * DEFAULT_SIMILARITY.rows);
    expect(estimateJaccard(a, b)).toBe(1);
    expect(
      estimateJaccard(
        textSignature('order 1234 never came to my house')!,
        textSignature('Order #98765 never came to my house!')!,
      ),
    ).toBe(1);
  });

  it('refuses texts too short to compare', () => {
    expect(textSignature('thanks, great')).toBeNull();
    expect(textSignature('')).toBeNull();
  });

  it('estimates Jaccard similarity within a few points of the exact value', () => {
    const edited = complaint.replace('blue jacket', 'red coat').replace('nobody', 'no one');
    const exact = exactJaccard(complaint, edited);
    const estimate = estimateJaccard(textSignature(complaint)!, textSignature(edited)!);
    expect(exact).toBeGreaterThan(0.3);
    expect(exact).toBeLessThan(0.9);
    // 100 hashes: the standard error is sqrt(J(1-J)/100) ≤ 0.05.
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
  });

  it('keeps unrelated texts far apart', () => {
    const other = textSignature(
      'The onboarding call was clear and the dashboard is easy to use every day',
    )!;
    expect(estimateJaccard(textSignature(complaint)!, other)).toBeLessThan(0.1);
  });

  it('is stable across runs (fixed seeds)', () => {
    expect(Array.from(minHash(Uint32Array.of(1, 2, 3), 4))).toEqual(
      Array.from(minHash(Uint32Array.of(3, 2, 1), 4)),
    );
  });
});

describe('LSH banding', () => {
  it('cuts a signature into band hashes and rejects the wrong length', () => {
    const bands = lshBands(textSignature(complaint)!);
    expect(bands.map((band) => band.band)).toEqual([...Array(DEFAULT_SIMILARITY.bands).keys()]);
    for (const { hash } of bands) expect(hash).toBeGreaterThanOrEqual(0);
    expect(() => lshBands(new Uint32Array(7))).toThrow(/cannot make/);
  });

  it('has an S-curve around the duplicate threshold', () => {
    expect(candidateProbability(0.9)).toBeGreaterThan(0.999);
    expect(candidateProbability(DUPLICATE_THRESHOLD)).toBeGreaterThan(0.95);
    expect(candidateProbability(0.2)).toBeLessThan(0.02);
  });

  it('finds a near-duplicate among unrelated texts and not the unrelated ones', () => {
    const index = new LshIndex<string>();
    const texts = [
      'The checkout page crashed twice when I tried to pay with my credit card today',
      'Support answered within minutes and solved the billing problem, thank you so much',
      complaint,
      'Please add a dark mode to the mobile app, my eyes hurt reading it at night',
    ];
    texts.forEach((text, index_) => index.add(`t${index_}`, textSignature(text)!));
    const again = complaint.replace('three weeks', 'two weeks').replace('emails', 'calls');
    expect([...index.candidates(textSignature(again)!)]).toEqual(['t2']);
  });
});

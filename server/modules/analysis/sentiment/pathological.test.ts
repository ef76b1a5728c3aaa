import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { prepareText } from '../limits.ts';
import { analyseSentiment } from './index.ts';

/**
 * Hostile and odd input must cost time in proportion to its length. Limits are generous (the
 * test machine is shared): a linear engine finishes each case in a few milliseconds, a
 * quadratic one would take minutes.
 */
const MEGABYTE = 1_000_000;

function timed(text: string): { ms: number; result: ReturnType<typeof analyseSentiment> } {
  const started = performance.now();
  const result = analyseSentiment(text);
  return { ms: performance.now() - started, result };
}

function expectSane(result: ReturnType<typeof analyseSentiment>): void {
  expect(result.score).toBeGreaterThanOrEqual(-1);
  expect(result.score).toBeLessThanOrEqual(1);
  for (const sentence of result.sentences) expect(sentence.end).toBeGreaterThan(sentence.start);
}

describe('analyseSentiment on pathological input', { timeout: 30_000 }, () => {
  it('1 MB of mixed feedback through the facade’s prepareText', () => {
    const unit = 'Great app but support took three days!!! Not happy :( 😡 "smart" ';
    const { text, truncated } = prepareText(unit.repeat(Math.ceil(MEGABYTE / unit.length)));
    expect(truncated).toBe(true);
    const { ms, result } = timed(text);
    expectSane(result);
    expect(ms).toBeLessThan(2_000);
  });

  it('a 200 KB sentence of contrasts, denials and quotes, without the bound, stays linear', () => {
    const unit = 'but, not very "good" , though 10:30 :) ';
    const { ms, result } = timed(unit.repeat(200_000 / unit.length));
    expectSane(result);
    expect(result.sentences).toHaveLength(1);
    expect(ms).toBeLessThan(5_000);
  });

  it('100,000 repetitions of "not"', () => {
    const { ms, result } = timed('not '.repeat(100_000));
    expectSane(result);
    expect(ms).toBeLessThan(5_000);
  });

  it('only emoji, with modifiers and joiners', () => {
    const { ms, result } = timed('😍👍🏽👨‍👩‍👧‍👦🇬🇧❤️'.repeat(20_000));
    expectSane(result);
    expect(result.label).toBe('positive');
    expect(ms).toBeLessThan(5_000);
  });

  it('lone surrogates, raw and as prepareText leaves them', () => {
    const broken = 'good \uD83D bad \uDE0D \uD83D\uD83D '.repeat(20_000);
    const raw = timed(broken);
    expectSane(raw.result);
    expect(raw.ms).toBeLessThan(5_000);
    const prepared = timed(prepareText(broken).text);
    expectSane(prepared.result);
    expect(prepared.ms).toBeLessThan(2_000);
  });

  it('right-to-left text is read as words with no English feeling, offsets intact', () => {
    const text = 'שלום עולם. مرحبا بالعالم! ';
    const { ms, result } = timed(text.repeat(10_000));
    expectSane(result);
    expect(result.label).toBe('neutral');
    expect(ms).toBeLessThan(5_000);
    const sentences = analyseSentiment(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['שלום עולם.', 'مرحبا بالعالم!']);
  });

  it('long runs of punctuation, quotes and would-be emoticons', () => {
    for (const unit of ['!', '?', '.', '"', ':', ':-', '(', '<', '#', '8', 'a']) {
      const { ms, result } = timed(unit.repeat(100_000));
      expectSane(result);
      expect(ms, unit).toBeLessThan(5_000);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { npsBucket, npsSummary } from './nps.ts';

describe('npsBucket', () => {
  it('splits 0–6, 7–8 and 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBucket)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('rejects scores outside 0–10', () => {
    expect(() => npsBucket(11)).toThrow(RangeError);
    expect(() => npsBucket(-1)).toThrow(RangeError);
    expect(() => npsBucket(7.5)).toThrow(RangeError);
  });
});

describe('npsSummary', () => {
  it('is % promoters minus % detractors, with the standard 95 % interval', () => {
    // p = 0.5 and 0.2: var = (0.7 − 0.3²) / 100 = 0.0061, margin = 1.96 · √0.0061 · 100 ≈ 15.31
    expect(npsSummary({ promoters: 50, passives: 30, detractors: 20 })).toEqual({
      responses: 100,
      nps: 30,
      ciLow: 14.7,
      ciHigh: 45.3,
    });
  });

  it('keeps one decimal', () => {
    expect(npsSummary({ promoters: 1, passives: 2, detractors: 0 }).nps).toBe(33.3);
    expect(npsSummary({ promoters: 0, passives: 1, detractors: 2 }).nps).toBe(-66.7);
  });

  it('narrows as the sample grows', () => {
    const small = npsSummary({ promoters: 5, passives: 3, detractors: 2 });
    const large = npsSummary({ promoters: 500, passives: 300, detractors: 200 });
    expect(small.nps).toBe(large.nps);
    expect(small.ciHigh - small.ciLow).toBeGreaterThan(large.ciHigh - large.ciLow);
    // A hundred times the sample, a tenth of the width (to rounding).
    expect((small.ciHigh - small.ciLow) / (large.ciHigh - large.ciLow)).toBeCloseTo(10, 0);
  });

  it('clamps the interval to −100 … 100', () => {
    const high = npsSummary({ promoters: 9, passives: 0, detractors: 1 });
    expect(high.nps).toBe(80);
    expect(high.ciHigh).toBe(100);
    expect(high.ciLow).toBeCloseTo(42.8, 1);
    const low = npsSummary({ promoters: 1, passives: 0, detractors: 9 });
    expect(low).toMatchObject({ nps: -80, ciLow: -100 });
  });

  it('is symmetric: swapping promoters and detractors negates everything', () => {
    const up = npsSummary({ promoters: 37, passives: 21, detractors: 12 });
    const down = npsSummary({ promoters: 12, passives: 21, detractors: 37 });
    expect(down).toEqual({ responses: 70, nps: -up.nps, ciLow: -up.ciHigh, ciHigh: -up.ciLow });
  });

  it('has no width when every answer is the same', () => {
    expect(npsSummary({ promoters: 0, passives: 4, detractors: 0 })).toEqual({
      responses: 4,
      nps: 0,
      ciLow: 0,
      ciHigh: 0,
    });
  });

  it('spans the whole scale with no answers', () => {
    expect(npsSummary({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      responses: 0,
      nps: 0,
      ciLow: -100,
      ciHigh: 100,
    });
  });
});

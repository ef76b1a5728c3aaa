import { describe, expect, it } from 'vitest';
import { wilson } from './wilson.ts';

describe('wilson', () => {
  it('matches the textbook interval for 8 of 10', () => {
    // Reference: Wilson (1927); 8/10 at 95 % gives about [0.490, 0.943].
    const share = wilson(8, 10);
    expect(share.rate).toBe(0.8);
    expect(share.low).toBeCloseTo(0.4902, 3);
    expect(share.high).toBeCloseTo(0.9433, 3);
  });

  it('stays inside [0, 1] at the edges and says nothing at n = 0', () => {
    expect(wilson(0, 5)).toMatchObject({ rate: 0, low: 0 });
    expect(wilson(0, 5).high).toBeCloseTo(0.4345, 3);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ count: 0, n: 0, rate: null, low: 0, high: 1 });
  });

  it('narrows as n grows', () => {
    const small = wilson(5, 10);
    const large = wilson(500, 1000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('refuses a count larger than n', () => {
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });
});

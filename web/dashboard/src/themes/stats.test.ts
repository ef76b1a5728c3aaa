import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './stats.ts';

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    // 8 of 10: 0.4902 to 0.9433 (Wilson, 95%).
    const [low, high] = wilsonInterval(8, 10)!;
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
  });

  it('stays inside 0..1 at the edges and narrows as n grows', () => {
    const [low0, high0] = wilsonInterval(0, 5)!;
    expect(low0).toBe(0);
    expect(high0).toBeGreaterThan(0.4);
    const [, high1] = wilsonInterval(5, 5)!;
    expect(high1).toBe(1);
    const small = wilsonInterval(5, 10)!;
    const large = wilsonInterval(500, 1000)!;
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
  });

  it('has no interval without items or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });
});

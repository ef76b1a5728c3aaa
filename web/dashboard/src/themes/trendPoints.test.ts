import { describe, expect, it } from 'vitest';
import { toTrendPoints } from './trendPoints.ts';
import type { ThemeSeriesPoint } from './types.ts';

const rows: ThemeSeriesPoint[] = [
  {
    period: '2025-03-03',
    volume: 10,
    negative: 8,
    negativeShare: 0.8,
    sentiment: { average: -0.4, n: 9 },
    nps: { score: -20, n: 5, ciLow: -80, ciHigh: 40 },
  },
  {
    period: '2025-03-10',
    volume: 0,
    negative: 0,
    negativeShare: null,
    sentiment: { average: null, n: 0 },
    nps: { score: null, n: 0, ciLow: null, ciHigh: null },
  },
];

describe('toTrendPoints', () => {
  it('gives each metric its own n', () => {
    expect(toTrendPoints(rows, 'volume').map((p) => [p.n, p.value])).toEqual([
      [10, 10],
      [0, 0],
    ]);
    expect(toTrendPoints(rows, 'sentiment')[0]).toEqual({
      period: '2025-03-03',
      n: 9,
      value: -0.4,
    });
    expect(toTrendPoints(rows, 'nps')[0]).toMatchObject({ n: 5, value: -20, low: -80, high: 40 });
  });

  it('turns the negative share into a percentage with a Wilson interval', () => {
    const [week, empty] = toTrendPoints(rows, 'negative');
    expect(week!.value).toBe(80);
    expect(week!.low).toBeCloseTo(49.02, 1);
    expect(week!.high).toBeCloseTo(94.33, 1);
    expect(empty).toEqual({ period: '2025-03-10', n: 0, value: null, low: null, high: null });
  });
});

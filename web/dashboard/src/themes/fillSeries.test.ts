import { describe, expect, it } from 'vitest';
import { fillSeries } from './fillSeries.ts';
import type { ThemeSeriesPoint } from './types.ts';

function point(period: string, volume: number): ThemeSeriesPoint {
  return {
    period,
    volume,
    negative: 0,
    negativeShare: 0,
    sentiment: { average: 0.1, n: volume },
    nps: { score: null, n: 0, ciLow: null, ciHigh: null },
  };
}

describe('fillSeries', () => {
  it('puts back the empty weeks of the window, from the bucket holding `from` to `to`', () => {
    const series = [point('2026-10-26', 2), point('2026-11-09', 1)];
    const filled = fillSeries(series, '2026-10-20T10:00:00Z', '2026-11-20T00:00:00Z', 'week');
    expect(filled.map((p) => [p.period, p.volume])).toEqual([
      ['2026-10-19', 0],
      ['2026-10-26', 2],
      ['2026-11-02', 0],
      ['2026-11-09', 1],
      ['2026-11-16', 0],
    ]);
    expect(filled[0]!.sentiment).toEqual({ average: null, n: 0 });
  });

  it('fills days too', () => {
    const filled = fillSeries([point('2026-11-02', 3)], '2026-11-01', '2026-11-04', 'day');
    expect(filled.map((p) => p.period)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
    ]);
  });

  it('returns an empty series as it is (nothing to anchor the weeks on)', () => {
    expect(fillSeries([], '2026-11-01', '2026-11-30', 'week')).toEqual([]);
  });

  it('keeps a bucket that does not fall on the steps', () => {
    const filled = fillSeries(
      [point('2026-11-02', 1), point('2026-11-05', 4)],
      '2026-11-02',
      '2026-11-10',
      'week',
    );
    expect(filled.map((p) => p.period)).toEqual(['2026-11-02', '2026-11-05', '2026-11-09']);
  });
});

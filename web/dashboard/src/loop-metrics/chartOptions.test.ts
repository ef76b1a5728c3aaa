import { describe, expect, it } from 'vitest';
import {
  firstResponseChartOption,
  formatHours,
  formatShare,
  shareChartOption,
} from './chartOptions.ts';
import type { Figures, Share } from './types.ts';

const share = (count: number, n: number, low: number, high: number): Share => ({
  count,
  n,
  rate: n === 0 ? null : count / n,
  low,
  high,
});
const month = (
  key: string,
  closure: Share,
  median: number | null,
): Figures & { key: string; label: string } => ({
  key,
  label: key,
  opened: closure.n,
  closed: closure.count,
  closureRate: closure,
  firstResponse: {
    n: closure.n,
    medianHours: median,
    p90Hours: median === null ? null : median * 2,
  },
  timeToClose: { n: closure.count, medianHours: null },
  overdue: share(0, closure.n, 0, 1),
  stockReplies: share(0, 0, 0, 1),
  detractorsWonBack: share(0, 0, 0, 1),
});

describe('loop metrics charts', () => {
  it('formats shares with interval and n, and durations in readable units', () => {
    expect(formatShare(share(3, 5, 0.2307, 0.8824))).toBe('60% (23–88%, n = 5)');
    expect(formatShare(share(0, 0, 0, 1))).toBe('—');
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(7.44)).toBe('7.4 h');
    expect(formatHours(72)).toBe('3 d');
    expect(formatHours(null)).toBe('—');
  });

  it('draws a share as percentages over its band, with gaps for empty months', () => {
    const months = [
      month('2026-09', share(3, 5, 0.23, 0.88), 5),
      month('2026-10', share(0, 0, 0, 1), null),
    ];
    const option = shareChartOption(months, (m) => m.closureRate, 'Closure rate');
    const series = option.series as Array<{ name: string; data: Array<number | null> }>;
    expect(series.map((s) => s.name)).toEqual(['CI low', '95% CI', 'Closure rate']);
    expect(series[0]!.data).toEqual([23, null]);
    expect(series[1]!.data).toEqual([65, null]);
    expect(series[2]!.data).toEqual([60, null]);
  });

  it('draws first response medians as bars and the 90th percentile as a line', () => {
    const option = firstResponseChartOption([month('2026-09', share(1, 2, 0, 1), 5)]);
    const series = option.series as Array<{ type: string; data: Array<number | null> }>;
    expect(series.map((s) => [s.type, s.data])).toEqual([
      ['bar', [5]],
      ['line', [10]],
    ]);
  });
});

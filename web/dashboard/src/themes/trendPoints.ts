import type { TrendMetric, TrendPoint } from './trendOption.ts';
import type { ThemeTrendPoint } from './types.ts';

/** The API's trend rows as points of one metric: n is what the value was measured on. */
export function toTrendPoints(rows: readonly ThemeTrendPoint[], metric: TrendMetric): TrendPoint[] {
  return rows.map((row) => {
    if (metric === 'volume') return { period: row.period, n: row.count, value: row.count };
    if (metric === 'sentiment') {
      return {
        period: row.period,
        n: row.count,
        value: row.sentiment,
        low: row.sentimentLow,
        high: row.sentimentHigh,
      };
    }
    return {
      period: row.period,
      n: row.npsResponses,
      value: row.nps,
      low: row.npsLow,
      high: row.npsHigh,
    };
  });
}

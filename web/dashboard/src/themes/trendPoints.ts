import { wilsonInterval } from './stats.ts';
import type { TrendMetric, TrendPoint } from './trendOption.ts';
import type { ThemeSeriesPoint } from './types.ts';

/**
 * A theme's series as points of one metric, each with the n it was measured on. The negative
 * share gets a Wilson interval here (the API gives the counts); NPS comes with the server's.
 * Sentiment has no interval: the API gives the mean and n only.
 */
export function toTrendPoints(
  rows: readonly ThemeSeriesPoint[],
  metric: TrendMetric,
): TrendPoint[] {
  return rows.map((row) => {
    switch (metric) {
      case 'volume':
        return { period: row.period, n: row.volume, value: row.volume };
      case 'negative': {
        const interval = wilsonInterval(row.negative, row.volume);
        return {
          period: row.period,
          n: row.volume,
          value: row.volume > 0 ? (row.negative / row.volume) * 100 : null,
          low: interval ? interval[0] * 100 : null,
          high: interval ? interval[1] * 100 : null,
        };
      }
      case 'sentiment':
        return { period: row.period, n: row.sentiment.n, value: row.sentiment.average };
      case 'nps':
        return {
          period: row.period,
          n: row.nps.n,
          value: row.nps.score,
          low: row.nps.ciLow,
          high: row.nps.ciHigh,
        };
    }
  });
}

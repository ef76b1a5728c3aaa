import type { Bucket, ThemeSeriesPoint } from './types.ts';

const DAY_MS = 86_400_000;

function dayNumber(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) / DAY_MS : null;
}

const dayString = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

function empty(period: string): ThemeSeriesPoint {
  return {
    period,
    volume: 0,
    negative: 0,
    negativeShare: null,
    sentiment: { average: null, n: 0 },
    nps: { score: null, n: 0, ciLow: null, ciHigh: null },
  };
}

/**
 * The API leaves out buckets with no items; a category axis would then put Nov 9 right after
 * Oct 26 as if no week passed. This puts every bucket of the window back, empty, stepping from
 * a bucket the API gave (so week starts stay the server's, in the workspace's time zone).
 */
export function fillSeries(
  series: readonly ThemeSeriesPoint[],
  from: string,
  to: string,
  bucket: Bucket,
): ThemeSeriesPoint[] {
  const step = bucket === 'week' ? 7 : 1;
  const anchor = series[0] ? dayNumber(series[0].period) : null;
  const first = dayNumber(from.slice(0, 10));
  const last = dayNumber(to.slice(0, 10));
  if (anchor === null || first === null || last === null) return [...series];
  const byDay = new Map(series.map((point) => [dayNumber(point.period), point]));
  // The bucket that holds `from`: the anchor moved back by whole steps.
  const start = anchor - Math.ceil((anchor - first) / step) * step;
  const points: ThemeSeriesPoint[] = [];
  for (let day = Math.min(start, anchor); day <= last; day += step) {
    points.push(byDay.get(day) ?? empty(dayString(day)));
  }
  // Anything the steps missed (an odd bucket from the server) is kept, in order.
  for (const point of series) if (!points.includes(point)) points.push(point);
  return points.sort((a, b) => a.period.localeCompare(b.period));
}

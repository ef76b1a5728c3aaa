import { describe, expect, it } from 'vitest';
import {
  describePoint,
  formatPeriod,
  summariseTrend,
  trendChartOption,
  type TrendPoint,
} from './trendOption.ts';

const points: TrendPoint[] = [
  { period: '2025-01', n: 120, value: -0.2, low: -0.28, high: -0.12 },
  { period: '2025-02', n: 12, value: 0.1, low: -0.2, high: 0.4 },
  { period: '2025-03', n: 0, value: null },
];

type Series = { type: string; name: string; data: unknown[] };
const seriesOf = (option: ReturnType<typeof trendChartOption>) => option.series as Series[];

describe('formatPeriod', () => {
  it('names months and days, and leaves other shapes alone', () => {
    expect(formatPeriod('2025-03')).toMatch(/2025/);
    expect(formatPeriod('2025-03-03')).toMatch(/3/);
    expect(formatPeriod('2025-03-03')).not.toMatch(/2025/);
    expect(formatPeriod('Q1')).toBe('Q1');
  });
});

describe('describePoint', () => {
  it('gives n and the interval, and flags a small sample', () => {
    expect(describePoint(points[0]!, 'sentiment')).toMatch(
      /Sentiment −0\.20 \(n=120, 95% CI −0\.28 to −0\.12\)$/,
    );
    expect(describePoint(points[1]!, 'sentiment')).toMatch(/n=12, small sample, 95% CI/);
    expect(describePoint(points[2]!, 'nps')).toMatch(/no NPS \(n=0\)/);
    expect(describePoint(points[0]!, 'volume')).toMatch(/120 items$/);
  });
});

describe('trendChartOption', () => {
  it('draws volume as bars of n', () => {
    const series = seriesOf(trendChartOption(points, 'volume'));
    expect(series).toHaveLength(1);
    expect(series[0]!.type).toBe('bar');
    expect(series[0]!.data).toEqual([120, 12, 0]);
  });

  it('draws a score over its confidence band, with gaps where nothing was measured', () => {
    const series = seriesOf(trendChartOption(points, 'sentiment'));
    expect(series.map((s) => s.name)).toEqual(['CI low', '95% CI', 'Sentiment']);
    expect(series[0]!.data).toEqual([-0.28, -0.2, null]);
    expect((series[1]!.data as number[])[0]).toBeCloseTo(0.16);
    expect(series[1]!.data[2]).toBeNull();
    const line = series[2]!.data as { value: number | null; itemStyle?: unknown }[];
    expect(line.map((point) => point.value)).toEqual([-0.2, 0.1, null]);
  });

  it('draws small samples hollow, so they stand apart from well-measured periods', () => {
    const line = seriesOf(trendChartOption(points, 'nps'))[2]!.data as {
      itemStyle?: { color: string };
    }[];
    expect(line[0]!.itemStyle).toBeUndefined();
    expect(line[1]!.itemStyle?.color).toBe('#ffffff');
  });

  it('draws no percentage from fewer than five items, but keeps the period', () => {
    const few = [{ period: '2025-04', n: 2, value: 100, low: 100, high: 100 }, ...points];
    const series = seriesOf(trendChartOption(few, 'nps'));
    const line = series[2]!.data as { value: number | null }[];
    expect(line.map((point) => point.value)).toEqual([null, -0.2, 0.1, null]);
    expect(series[0]!.data[0]).toBeNull();
    expect(describePoint(few[0]!, 'nps')).toMatch(/too few to score NPS \(n=2\)/);
    // A mean sentiment of two items is still drawn, hollow.
    const sentiment = seriesOf(trendChartOption(few, 'sentiment'))[2]!.data as {
      value: number | null;
    }[];
    expect(sentiment[0]!.value).toBe(100);
  });

  it('leaves out the band when no period has an interval', () => {
    const bare = points.map(({ period, n, value }) => ({ period, n, value }));
    expect(seriesOf(trendChartOption(bare, 'nps')).map((s) => s.name)).toEqual(['NPS']);
  });

  it('fixes the axis to the scale of the score', () => {
    expect(trendChartOption(points, 'nps').yAxis).toMatchObject({ min: -100, max: 100 });
    expect(trendChartOption(points, 'negative').yAxis).toMatchObject({ min: 0, max: 100 });
    expect(trendChartOption(points, 'sentiment').yAxis).toMatchObject({ min: -1, max: 1 });
  });

  it('writes a negative share as a percentage', () => {
    const point = { period: '2025-01', n: 40, value: 25, low: 14, high: 40 };
    expect(describePoint(point, 'negative')).toMatch(
      /Negative share 25% \(n=40, 95% CI 14% to 40%\)/,
    );
  });
});

describe('summariseTrend', () => {
  it('speaks of the latest measured period and the total', () => {
    expect(summariseTrend(points, 'sentiment')).toMatch(
      /^Sentiment over 3 periods, 132 items in all\. Latest, .*n=12, small sample/,
    );
    expect(summariseTrend([], 'nps')).toBe('NPS: no data yet.');
  });
});

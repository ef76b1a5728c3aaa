import type { ChartOption } from '../../../ui/echarts.ts';
import { formatMonth } from '../../../ui/time.ts';
import { signedScore } from '../feedback/analysisMarks.ts';
import { formatCount, formatScore } from '../format.ts';
import { chartColors } from '../home/chartColors.ts';

export type TrendMetric = 'volume' | 'negative' | 'sentiment' | 'nps';

/** One period of a trend: how many items (n) and the value, with its 95% interval when known. */
export interface TrendPoint {
  /** 'YYYY-MM', 'YYYY-MM-DD' (a day or the Monday of a week). */
  period: string;
  n: number;
  value: number | null;
  low?: number | null;
  high?: number | null;
}

/** Below this many answers a period's score swings widely; the chart and its table say so. */
export const SMALL_SAMPLE = 30;

/**
 * Below this many, a percentage (NPS, negative share) is not drawn at all: 2 answers out of 2
 * is not "100%". The period stays in the table with its n.
 */
export const MIN_SCORED = 5;

/** The value to draw, or null where there is none or too few items to trust a percentage. */
export function drawnValue(point: TrendPoint, metric: TrendMetric): number | null {
  if (metric === 'volume') return point.n;
  if (point.value === null || point.n === 0) return null;
  if ((metric === 'nps' || metric === 'negative') && point.n < MIN_SCORED) return null;
  return point.value;
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** 'YYYY-MM' → "Mar 2025", 'YYYY-MM-DD' → "3 Mar"; anything else is shown as it is. */
export function formatPeriod(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period);
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(period);
  if (day) return dayFormat.format(new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)));
  return period;
}

export function formatMetric(metric: TrendMetric, value: number): string {
  if (metric === 'sentiment') return signedScore(value);
  if (metric === 'negative') return `${formatScore(value)}%`;
  if (metric === 'nps') return formatScore(value);
  return formatCount(value);
}

const METRIC_NAMES: Record<TrendMetric, string> = {
  volume: 'Items',
  negative: 'Negative share',
  sentiment: 'Sentiment',
  nps: 'NPS',
};

export function metricName(metric: TrendMetric): string {
  return METRIC_NAMES[metric];
}

export function hasInterval(point: TrendPoint): boolean {
  return typeof point.low === 'number' && typeof point.high === 'number';
}

/** "Mar 2025: sentiment −0.21 (n=14, small sample, 95% CI −0.52 to +0.10)". */
export function describePoint(point: TrendPoint, metric: TrendMetric): string {
  const when = formatPeriod(point.period);
  if (metric === 'volume') return `${when}: ${formatCount(point.n)} items`;
  const name = METRIC_NAMES[metric];
  if (point.value === null || point.n === 0) return `${when}: no ${name} (n=0)`;
  if (drawnValue(point, metric) === null) {
    return `${when}: too few to score ${name} (n=${formatCount(point.n)})`;
  }
  const notes = [`n=${formatCount(point.n)}`];
  if (point.n < SMALL_SAMPLE) notes.push('small sample');
  if (hasInterval(point)) {
    notes.push(
      `95% CI ${formatMetric(metric, point.low!)} to ${formatMetric(metric, point.high!)}`,
    );
  }
  return `${when}: ${name} ${formatMetric(metric, point.value)} (${notes.join(', ')})`;
}

/** Each score on its whole scale, so a small wobble never looks like a cliff. */
const RANGES: Record<Exclude<TrendMetric, 'volume'>, { min: number; max: number }> = {
  negative: { min: 0, max: 100 },
  sentiment: { min: -1, max: 1 },
  nps: { min: -100, max: 100 },
};

const axis = {
  axisLine: { lineStyle: { color: chartColors.grid } },
  axisLabel: { color: chartColors.axis },
};

/**
 * A theme's trend: volume as bars; sentiment and NPS as a line over a shaded 95% band (two
 * stacked invisible lines, as in the NPS chart). Periods with fewer than SMALL_SAMPLE items are
 * drawn as hollow points, and every tooltip gives n, so no score is read without its sample.
 */
export function trendChartOption(points: readonly TrendPoint[], metric: TrendMetric): ChartOption {
  const labels = points.map((point) => formatPeriod(point.period));
  const tooltip: ChartOption['tooltip'] = {
    trigger: 'axis',
    formatter: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      const point = first === undefined ? undefined : points[first.dataIndex];
      return point ? describePoint(point, metric) : '';
    },
  };
  const xAxis: ChartOption['xAxis'] = {
    type: 'category',
    boundaryGap: metric === 'volume',
    data: labels,
    ...axis,
  };
  const grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true };

  if (metric === 'volume') {
    return {
      grid,
      tooltip,
      xAxis,
      yAxis: { type: 'value', minInterval: 1, ...axis, splitLine: splitLine() },
      series: [
        {
          type: 'bar',
          name: 'Items',
          data: points.map((point) => point.n),
          barMaxWidth: 28,
          itemStyle: { color: chartColors.bar, borderRadius: [4, 4, 0, 0] },
        },
      ],
    };
  }

  const range = RANGES[metric];
  const band = { stack: 'ci', stackStrategy: 'all', symbol: 'none', silent: true } as const;
  // The band only where the value itself is drawn.
  const banded = (point: TrendPoint) => hasInterval(point) && drawnValue(point, metric) !== null;
  const withBand = points.some(banded);
  return {
    grid,
    tooltip,
    xAxis,
    yAxis: { type: 'value', ...range, ...axis, splitLine: splitLine() },
    series: [
      ...(withBand
        ? ([
            {
              ...band,
              type: 'line',
              name: 'CI low',
              data: points.map((point) => (banded(point) ? point.low! : null)),
              lineStyle: { opacity: 0 },
            },
            {
              ...band,
              type: 'line',
              name: '95% CI',
              data: points.map((point) => (banded(point) ? point.high! - point.low! : null)),
              lineStyle: { opacity: 0 },
              areaStyle: { color: chartColors.band },
            },
          ] as const)
        : []),
      {
        type: 'line',
        name: METRIC_NAMES[metric],
        // A gap stays a gap: a line across it would claim what nobody said.
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: chartColors.accent },
        itemStyle: { color: chartColors.accent },
        data: points.map((point) => ({
          value: drawnValue(point, metric),
          // Hollow where the sample is small: the eye learns to trust filled points more.
          itemStyle:
            point.n < SMALL_SAMPLE
              ? { color: '#ffffff', borderColor: chartColors.accent, borderWidth: 2 }
              : undefined,
        })),
      },
    ],
  };
}

function splitLine() {
  return { lineStyle: { color: chartColors.grid } };
}

/** One sentence for screen readers: the latest period and the overall direction. */
export function summariseTrend(points: readonly TrendPoint[], metric: TrendMetric): string {
  const measured = points.filter((point) => drawnValue(point, metric) !== null);
  const latest = metric === 'volume' ? points.at(-1) : measured.at(-1);
  if (!latest) return `${METRIC_NAMES[metric]}: no data yet.`;
  const total = points.reduce((sum, point) => sum + point.n, 0);
  return `${METRIC_NAMES[metric]} over ${points.length} periods, ${formatCount(total)} items in all. Latest, ${describePoint(latest, metric)}.`;
}

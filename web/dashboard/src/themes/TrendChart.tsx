import { useMemo } from 'react';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatCount } from '../format.ts';
import {
  drawnValue,
  formatMetric,
  formatPeriod,
  hasInterval,
  metricName,
  MIN_SCORED,
  SMALL_SAMPLE,
  summariseTrend,
  trendChartOption,
} from './trendOption.ts';
import type { TrendMetric, TrendPoint } from './trendOption.ts';

interface TrendChartProps {
  points: readonly TrendPoint[];
  metric: TrendMetric;
  height?: number;
}

/**
 * One metric over time, with its numbers one click away: the table gives every period's value,
 * sample size and 95% interval, since a canvas says nothing to a screen reader.
 */
export function TrendChart({ points, metric, height = 260 }: TrendChartProps) {
  const option = useMemo(() => trendChartOption(points, metric), [points, metric]);
  const name = metricName(metric);
  if (points.every((point) => point.n === 0)) {
    return <EmptyState title={`No ${metric === 'volume' ? 'items' : name} in this period yet.`} />;
  }
  return (
    <div className="trend-chart">
      <Chart option={option} label={summariseTrend(points, metric)} height={height} />
      {metric !== 'volume' && (
        <p className="muted chart-note">
          Shaded: 95% confidence interval. Hollow points: fewer than {SMALL_SAMPLE} items.
          {metric !== 'sentiment' && ` No point: fewer than ${MIN_SCORED}.`}
        </p>
      )}
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <Table
          caption={`${name} by period`}
          rows={points}
          rowKey={(point) => point.period}
          columns={[
            { header: 'Period', cell: (point) => formatPeriod(point.period) },
            ...(metric === 'volume'
              ? []
              : [
                  {
                    header: name,
                    cell: (point: TrendPoint) => {
                      const value = drawnValue(point, metric);
                      if (value !== null) return formatMetric(metric, value);
                      return point.n > 0 ? 'Too few to score' : '—';
                    },
                    className: 'num',
                  },
                  {
                    header: '95% CI',
                    cell: (point: TrendPoint) =>
                      hasInterval(point) && drawnValue(point, metric) !== null
                        ? `${formatMetric(metric, point.low!)} to ${formatMetric(metric, point.high!)}`
                        : '—',
                    className: 'num',
                  },
                ]),
            {
              header: metric === 'nps' ? 'Answers' : 'Items',
              cell: (point) =>
                metric !== 'volume' && point.n > 0 && point.n < SMALL_SAMPLE
                  ? `${formatCount(point.n)} (small sample)`
                  : formatCount(point.n),
              className: 'num',
            },
          ]}
        />
      </details>
    </div>
  );
}

import { useMemo } from 'react';
import type { ChartOption } from './echarts.ts';
import { useChart } from './useChart.ts';

interface SparklineProps {
  /** Evenly spaced values, oldest first. */
  values: readonly number[];
  /** Accessible description, e.g. "42 items in the last 30 days, most on 3 March (9)". */
  label: string;
  color: string;
  height?: number;
}

function sparklineOption(values: readonly number[], color: string): ChartOption {
  return {
    animation: false,
    grid: { left: 1, right: 1, top: 3, bottom: 1 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: 0, max: (extent) => Math.max(extent.max, 1) },
    series: [
      {
        type: 'line',
        data: [...values],
        silent: true,
        symbol: 'none',
        lineStyle: { width: 1.5, color },
        areaStyle: { color, opacity: 0.12 },
      },
    ],
  };
}

/**
 * A tiny line with no axes, drawn only once it scrolls near the viewport so that a page of many
 * can stay light. The label carries the numbers that matter; the line only shows the shape.
 */
export function Sparkline({ values, label, color, height = 32 }: SparklineProps) {
  const option = useMemo(() => sparklineOption(values, color), [values, color]);
  const { ref } = useChart(option, { lazy: true });
  return (
    <div className="sparkline" style={{ height }}>
      <div ref={ref} className="chart-canvas" role="img" aria-label={label} />
    </div>
  );
}

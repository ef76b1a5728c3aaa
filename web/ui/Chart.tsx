import type { ChartOption } from './echarts.ts';
import { useChart } from './useChart.ts';

interface ChartProps {
  option: ChartOption;
  /** Accessible description of what the chart shows. */
  label: string;
  height?: number;
}

/**
 * An ECharts canvas. Pass a memoised `option`: every new object redraws the chart.
 * Canvas charts are invisible to screen readers, so pair each one with a data table.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const { ref, status } = useChart(option);
  return (
    <div className="chart" style={{ height }}>
      <div ref={ref} className="chart-canvas" role="img" aria-label={label} />
      {status !== 'ready' && (
        <p className="chart-placeholder">
          {status === 'failed'
            ? 'The chart could not be loaded. Reload the page to try again.'
            : 'Loading chart…'}
        </p>
      )}
    </div>
  );
}

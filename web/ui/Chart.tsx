import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import type * as EChartsModule from './echarts.ts';
import type { ChartOption } from './echarts.ts';

interface ChartProps {
  option: ChartOption;
  /** Accessible description of what the chart shows. */
  label: string;
  height?: number;
}

function withPageDefaults(option: ChartOption): ChartOption {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    animation: !reducedMotion,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    ...option,
  };
}

/**
 * An ECharts canvas. Pass a memoised `option`: every new object redraws the chart.
 * Canvas charts are invisible to screen readers, so pair each one with a data table.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [echarts, setEcharts] = useState<typeof EChartsModule | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('./echarts.ts').then(
      (module) => live && setEcharts(module),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const node = container.current;
    if (!echarts || !node) return;
    const instance = echarts.init(node);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [echarts]);

  useEffect(() => {
    chart.current?.setOption(withPageDefaults(option), { notMerge: true });
  }, [echarts, option]);

  return (
    <div className="chart" style={{ height }}>
      <div ref={container} className="chart-canvas" role="img" aria-label={label} />
      {!echarts && (
        <p className="chart-placeholder">
          {failed
            ? 'The chart could not be loaded. Reload the page to try again.'
            : 'Loading chart…'}
        </p>
      )}
    </div>
  );
}

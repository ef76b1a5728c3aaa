import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import type * as EChartsModule from './echarts.ts';
import type { ChartOption } from './echarts.ts';

export type ChartStatus = 'loading' | 'ready' | 'failed';

interface ChartOptions {
  /** Loads and draws only when the chart comes near the viewport; for pages with many charts. */
  lazy?: boolean;
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
 * Draws `option` into the element given the returned ref, loading ECharts on first use, so it
 * stays out of the entry bundle. Pass a memoised `option`: every new object redraws the chart.
 */
export function useChart(option: ChartOption, { lazy = false }: ChartOptions = {}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [near, setNear] = useState(!lazy);
  const [echarts, setEcharts] = useState<typeof EChartsModule | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const node = container.current;
    if (near || !node) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near) return;
    let live = true;
    import('./echarts.ts').then(
      (module) => live && setEcharts(module),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [near]);

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

  const status: ChartStatus = echarts ? 'ready' : failed ? 'failed' : 'loading';
  return { ref: container, status };
}

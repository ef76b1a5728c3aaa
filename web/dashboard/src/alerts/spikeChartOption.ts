import type { ChartOption } from '../../../ui/echarts.ts';
import { chartColors } from '../home/chartColors.ts';
import type { Spike } from './types.ts';

/** 'YYYY-MM-DD' → "20 Jun", read as UTC so the label is the day the server counted. */
export function shortDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * Daily counts as bars over the usual range (the baseline band, expected ± 2 SD), the spike's
 * day in the accent colour. The band is two stacked invisible lines, the second one filled.
 */
export function spikeChartOption(spike: Spike): ChartOption {
  const { days, counts, band } = spike.series;
  const last = counts.length - 1;
  const flat = { stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 } } as const;
  return {
    grid: { left: 4, right: 8, top: 8, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: days.map(shortDay),
      axisLabel: { color: chartColors.axis },
      axisLine: { lineStyle: { color: chartColors.grid } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: chartColors.axis },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    series: [
      { ...flat, type: 'line', name: 'Usual range, low', data: days.map(() => band.low) },
      {
        ...flat,
        type: 'line',
        name: 'Usual range',
        data: days.map(() => band.high - band.low),
        areaStyle: { color: chartColors.band },
      },
      {
        type: 'bar',
        name: 'Items',
        data: counts.map((count, index) => ({
          value: count,
          itemStyle: { color: index === last ? chartColors.accent : chartColors.bar },
        })),
      },
    ],
  };
}

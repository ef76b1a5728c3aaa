import type { ChartOption } from '../../../ui/echarts.ts';
import { formatMonth } from '../../../ui/time.ts';
import { formatScore } from '../format.ts';
import type { NpsMonth } from '../types.ts';
import { chartColors } from './chartColors.ts';

export function describeMonth(month: NpsMonth): string {
  return `NPS ${formatScore(month.nps)} (n=${month.responses}, 95% CI ${formatScore(month.ciLow)}–${formatScore(month.ciHigh)})`;
}

/**
 * NPS as a line over a shaded 95% confidence band. The band is two stacked invisible lines
 * (ciLow, then ciHigh − ciLow) with the second one filled; stacking "all" values, not only
 * same-sign ones, keeps the band right when it crosses zero.
 */
export function npsChartOption(months: readonly NpsMonth[]): ChartOption {
  const band = { stack: 'ci', stackStrategy: 'all', symbol: 'none', silent: true } as const;
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const month = first === undefined ? undefined : months[first.dataIndex];
        return month ? `${formatMonth(month.month)}<br/>${describeMonth(month)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: months.map((month) => formatMonth(month.month)),
      axisLine: { lineStyle: { color: chartColors.grid } },
      axisLabel: { color: chartColors.axis },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: chartColors.axis },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    series: [
      {
        ...band,
        type: 'line',
        name: 'CI low',
        data: months.map((month) => month.ciLow),
        lineStyle: { opacity: 0 },
      },
      {
        ...band,
        type: 'line',
        name: '95% CI',
        data: months.map((month) => month.ciHigh - month.ciLow),
        lineStyle: { opacity: 0 },
        areaStyle: { color: chartColors.band },
      },
      {
        type: 'line',
        name: 'NPS',
        data: months.map((month) => month.nps),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: chartColors.accent },
        itemStyle: { color: chartColors.accent },
      },
    ],
  };
}

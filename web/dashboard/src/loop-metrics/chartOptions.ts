import type { ChartOption } from '../../../ui/echarts.ts';
import { chartColors } from '../home/chartColors.ts';
import type { LoopMetrics, Share } from './types.ts';

type Month = LoopMetrics['groups'][number];

/** "62% (95% CI 41–79%, n = 24)"; "—" with no cases. */
export function formatShare(share: Share): string {
  if (share.rate === null) return '—';
  const pct = (value: number) => Math.round(value * 100);
  return `${pct(share.rate)}% (${pct(share.low)}–${pct(share.high)}%, n = ${share.n})`;
}

export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}

const axis = {
  axisLine: { lineStyle: { color: chartColors.axis } },
  axisLabel: { color: chartColors.axis },
};
const grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
const splitLine = { lineStyle: { color: chartColors.grid } };
const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/**
 * A share per month as a line over its 95% Wilson band (two stacked invisible lines, as on the
 * theme charts); months with no cases are gaps, and the tooltip gives n.
 */
export function shareChartOption(
  months: readonly Month[],
  pick: (month: Month) => Share,
  name: string,
): ChartOption {
  const band = { stack: 'ci', stackStrategy: 'all', symbol: 'none', silent: true } as const;
  const shares = months.map(pick);
  return {
    grid,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const share = first === undefined ? undefined : shares[first.dataIndex];
        const month = first === undefined ? undefined : months[first.dataIndex];
        return share && month ? `${month.key}: ${name} ${formatShare(share)}` : '';
      },
    },
    xAxis: { type: 'category', data: months.map((m) => m.key ?? ''), ...axis },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine },
    series: [
      {
        ...band,
        type: 'line',
        name: 'CI low',
        data: shares.map((s) => (s.rate === null ? null : percent(s.low))),
        lineStyle: { opacity: 0 },
      },
      {
        ...band,
        type: 'line',
        name: '95% CI',
        data: shares.map((s) => (s.rate === null ? null : percent(s.high - s.low))),
        lineStyle: { opacity: 0 },
        areaStyle: { color: chartColors.band },
      },
      {
        type: 'line',
        name,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: chartColors.accent },
        itemStyle: { color: chartColors.accent },
        data: shares.map((s) => percent(s.rate)),
      },
    ],
  };
}

/** Time to first response per month: the median as bars, the 90th percentile as a line. */
export function firstResponseChartOption(months: readonly Month[]): ChartOption {
  return {
    grid,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const month = first === undefined ? undefined : months[first.dataIndex];
        if (!month) return '';
        const { medianHours, p90Hours, n } = month.firstResponse;
        return `${month.key}: median ${formatHours(medianHours)}, 90% within ${formatHours(p90Hours)} (n = ${n})`;
      },
    },
    xAxis: { type: 'category', data: months.map((m) => m.key ?? ''), ...axis },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} h' }, splitLine },
    series: [
      {
        type: 'bar',
        name: 'Median',
        barMaxWidth: 28,
        itemStyle: { color: chartColors.bar, borderRadius: [4, 4, 0, 0] },
        data: months.map((m) => m.firstResponse.medianHours),
      },
      {
        type: 'line',
        name: '90th percentile',
        connectNulls: false,
        lineStyle: { color: chartColors.accent, type: 'dashed' },
        itemStyle: { color: chartColors.accent },
        data: months.map((m) => m.firstResponse.p90Hours),
      },
    ],
  };
}

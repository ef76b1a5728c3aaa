import type { ChartOption } from '../../../ui/echarts.ts';
import { signedScore } from '../feedback/analysisMarks.ts';
import { formatCount } from '../format.ts';
import { chartColors } from '../home/chartColors.ts';
import type { SentimentLabel } from '../types.ts';
import type { ThemeSummary } from './types.ts';

/** VADER's own cut-offs for calling a mean score positive or negative. */
const NEUTRAL_BAND = 0.05;

export function sentimentOfMean(mean: number | null): SentimentLabel | null {
  if (mean === null) return null;
  if (mean >= NEUTRAL_BAND) return 'positive';
  if (mean <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/** Bars coloured by mood; canvas charts cannot read CSS variables, so these match ui.css. */
export const moodColors: Record<SentimentLabel | 'unknown', string> = {
  positive: '#12805c',
  negative: '#c4320a',
  neutral: '#8a94a6',
  mixed: '#b54708',
  unknown: chartColors.bar,
};

export function describeTheme(theme: ThemeSummary): string {
  const { average, n } = theme.sentiment;
  const mood =
    average === null
      ? 'sentiment unknown'
      : `mean sentiment ${signedScore(average)} (${sentimentOfMean(average)}, n=${formatCount(n)})`;
  return `${theme.name}: ${formatCount(theme.volume)} items, ${mood}`;
}

/** The biggest themes, largest on top, each bar coloured by the mood of its items. */
export function themeVolumeOption(themes: readonly ThemeSummary[], limit = 10): ChartOption {
  const top = [...themes]
    .sort((a, b) => b.volume - a.volume)
    .slice(0, limit)
    .reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const theme = first === undefined ? undefined : top[first.dataIndex];
        return theme ? escapeHtml(describeTheme(theme)) : '';
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: chartColors.axis },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    yAxis: {
      type: 'category',
      data: top.map((theme) => theme.name),
      axisLabel: { color: chartColors.axis, width: 140, overflow: 'truncate' },
      axisLine: { lineStyle: { color: chartColors.grid } },
    },
    series: [
      {
        type: 'bar',
        name: 'Items',
        barMaxWidth: 24,
        data: top.map((theme) => ({
          value: theme.volume,
          itemStyle: {
            color: moodColors[sentimentOfMean(theme.sentiment.average) ?? 'unknown'],
            borderRadius: [0, 4, 4, 0],
          },
        })),
      },
    ],
  };
}

/**
 * ECharts tooltips are HTML: theme names come from customers' words (and staff renames), so
 * they are escaped before they go into one.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

import { describe, expect, it } from 'vitest';
import {
  describeTheme,
  escapeHtml,
  moodColors,
  sentimentOfMean,
  themeVolumeOption,
} from './themeListOption.ts';
import type { ThemeSummary } from './types.ts';

function theme(name: string, volume: number, average: number | null): ThemeSummary {
  return {
    id: name,
    name,
    status: 'active',
    pinned: false,
    nameLocked: false,
    mergedInto: null,
    recurring: false,
    recurringSince: null,
    phrases: [],
    staffTerms: { include: [], exclude: [] },
    updatedAt: '2025-01-01T00:00:00Z',
    volume,
    negative: 0,
    negativeShare: 0,
    sentiment: { average, n: volume },
    nps: { score: null, n: 0, ciLow: null, ciHigh: null },
  };
}

describe('sentimentOfMean', () => {
  it('uses a neutral band around zero', () => {
    expect(sentimentOfMean(0.3)).toBe('positive');
    expect(sentimentOfMean(0.04)).toBe('neutral');
    expect(sentimentOfMean(-0.05)).toBe('negative');
    expect(sentimentOfMean(null)).toBeNull();
  });
});

describe('themeVolumeOption', () => {
  const themes = [theme('Delivery', 40, -0.4), theme('Billing', 12, 0.01), theme('Staff', 90, 0.5)];

  it('puts the biggest theme on top (category axes draw bottom-up) and keeps the limit', () => {
    const option = themeVolumeOption(themes, 2);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Delivery', 'Staff']);
  });

  it('colours each bar by the mood of its items', () => {
    const [series] = themeVolumeOption(themes).series as [
      { data: { value: number; itemStyle: { color: string } }[] },
    ];
    expect(series.data.map((bar) => [bar.value, bar.itemStyle.color])).toEqual([
      [12, moodColors.neutral],
      [40, moodColors.negative],
      [90, moodColors.positive],
    ]);
  });
});

describe('describeTheme and escapeHtml', () => {
  it('says the count and mood in words, and escapes names for HTML tooltips', () => {
    expect(describeTheme(theme('Delivery', 40, -0.4))).toBe(
      'Delivery: 40 items, mean sentiment −0.40 (negative, n=40)',
    );
    expect(describeTheme(theme('X', 1, null))).toMatch(/sentiment unknown/);
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;',
    );
  });
});

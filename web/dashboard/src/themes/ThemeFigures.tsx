import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { formatCount, formatScore } from '../format.ts';
import { SMALL_SAMPLE } from './trendOption.ts';
import { sentimentOfMean } from './themeListOption.ts';
import type { ThemeStats } from './types.ts';

/**
 * A theme's figures in words: items, share negative, mean sentiment and NPS, each with the
 * number it rests on; NPS from fewer than SMALL_SAMPLE answers gives its interval too.
 */
export function ThemeFigures({ stats }: { stats: ThemeStats }) {
  const mood = sentimentOfMean(stats.sentiment.average);
  const { nps } = stats;
  return (
    <>
      <span>{formatCount(stats.volume)} items</span>
      {stats.volume > 0 && (
        <span>{formatScore((stats.negative / stats.volume) * 100)}% negative</span>
      )}
      {mood && <SentimentBadge label={mood} score={stats.sentiment.average} />}
      {nps.score !== null && (
        <span title="Net Promoter Score of the items' answers">
          NPS {formatScore(nps.score)} (n={formatCount(nps.n)}
          {nps.n < SMALL_SAMPLE && nps.ciLow !== null && nps.ciHigh !== null
            ? `, 95% CI ${formatScore(nps.ciLow)} to ${formatScore(nps.ciHigh)}`
            : ''}
          )
        </span>
      )}
    </>
  );
}

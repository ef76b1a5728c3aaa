import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { formatCount, formatScore } from '../format.ts';
import { SMALL_SAMPLE } from './trendOption.ts';
import { sentimentOfMean } from './themeListOption.ts';
import type { ThemeStats } from './types.ts';

/** Below this many answers no NPS is shown at all, only the count: it would mean nothing. */
const MIN_NPS_ANSWERS = 5;

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
      {nps.n > 0 && nps.n < MIN_NPS_ANSWERS && (
        <span>
          {formatCount(nps.n)} NPS answer{nps.n === 1 ? '' : 's'} (too few for a score)
        </span>
      )}
      {nps.score !== null && nps.n >= MIN_NPS_ANSWERS && (
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

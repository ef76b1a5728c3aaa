import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { ScoreBadge } from '../feedback/ScoreBadge.tsx';
import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { SCORE_TYPES } from '../types.ts';
import type { ScoreType } from '../types.ts';
import { excerpt } from './excerpt.ts';
import { sentimentOfMean } from './themeListOption.ts';
import type { ThemeQuote } from './types.ts';

const isScoreType = (value: string | null): value is ScoreType =>
  (SCORE_TYPES as readonly string[]).includes(value ?? '');

/**
 * A customer's words as an example of a theme, cut to a readable length. The text goes in only
 * as escaped React text: never HTML.
 */
export function QuoteCard({ quote }: { quote: ThemeQuote }) {
  const cut = excerpt(quote.text, null, null);
  const mood = sentimentOfMean(quote.sentiment);
  return (
    <figure className="quote">
      <blockquote>
        <p className="feedback-text quote-text">{cut.text}</p>
      </blockquote>
      <figcaption className="quote-meta">
        {mood && <SentimentBadge label={mood} score={quote.sentiment} />}
        <ScoreBadge
          type={isScoreType(quote.scoreType) ? quote.scoreType : null}
          score={quote.score}
        />
        <RelativeTime iso={quote.receivedAt} />
      </figcaption>
    </figure>
  );
}

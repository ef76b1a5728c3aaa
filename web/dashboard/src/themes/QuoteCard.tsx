import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { HighlightedText } from '../feedback/HighlightedText.tsx';
import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { excerpt } from './excerpt.ts';
import type { ThemeQuote } from './types.ts';

/**
 * A customer's words as an example of a theme: an excerpt around the part about the theme,
 * which is marked. The text goes in only as escaped React text, through HighlightedText.
 */
export function QuoteCard({ quote, themeName }: { quote: ThemeQuote; themeName: string }) {
  const cut = excerpt(quote.text, quote.start, quote.end);
  const who = [quote.contactName ?? 'Anonymous', quote.accountName].filter(Boolean).join(' · ');
  return (
    <figure className="quote">
      <blockquote>
        <HighlightedText
          className="feedback-text quote-text"
          text={cut.text}
          marks={cut.focus ? [{ ...cut.focus, kind: 'focus', label: `About ${themeName}` }] : []}
        />
      </blockquote>
      <figcaption className="quote-meta">
        <span>{who}</span>
        {quote.touchpointName && <span>{quote.touchpointName}</span>}
        {quote.sentimentLabel && (
          <SentimentBadge label={quote.sentimentLabel} score={quote.sentimentScore} />
        )}
        <RelativeTime iso={quote.receivedAt} />
      </figcaption>
    </figure>
  );
}

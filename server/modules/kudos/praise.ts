import type { TextAnalysis } from '../analysis/types.ts';

/** What the hook needs of an analysed item: its words, the analysis and the label now stored. */
export interface PraiseSource {
  feedbackId: string;
  text: string;
  analysis: Pick<TextAnalysis, 'mentions' | 'sentiment'>;
  sentimentLabel: string | null;
}

export interface Praise {
  feedbackId: string;
  personId: string | null;
  teamId: string | null;
  quote: string;
}

export const QUOTE_MAX_CHARS = 500;

/** The sentence a span sits in, or the words around it when the analysis kept no sentences. */
export function sentenceAround(
  text: string,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  at: { start: number; end: number },
): string {
  const sentence = sentences.find((s) => s.start <= at.start && at.start < s.end);
  const [start, end] = sentence
    ? [sentence.start, sentence.end]
    : [Math.max(0, at.start - 120), Math.min(text.length, at.end + 120)];
  const quote = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return quote.length > QUOTE_MAX_CHARS ? `${quote.slice(0, QUOTE_MAX_CHARS - 1)}…` : quote;
}

/** The words to quote when none are given: the item's text, white space folded, cut to length. */
export function quoteOf(text: string): string {
  return sentenceAround(text, [{ start: 0, end: text.length }], { start: 0, end: 0 });
}

/**
 * Praise in analysed items: a mention of a staff person or team whose sentence reads positive, in
 * an item that is not negative overall. A first name that fits several people and that nothing
 * in the text tells apart is not credited (it could be the wrong person). One per item and entry.
 */
export function findPraise(items: readonly PraiseSource[]): Praise[] {
  const found = new Map<string, Praise>();
  for (const item of items) {
    if (item.sentimentLabel === 'negative') continue;
    const sentences = item.analysis.sentiment?.sentences ?? [];
    for (const mention of item.analysis.mentions) {
      if (mention.kind !== 'person' && mention.kind !== 'team') continue;
      if (mention.sentiment.label !== 'positive') continue;
      if ((mention.candidates?.length ?? 0) > 1) continue;
      const key = `${item.feedbackId}:${mention.kind}:${mention.entityId}`;
      if (found.has(key)) continue;
      found.set(key, {
        feedbackId: item.feedbackId,
        personId: mention.kind === 'person' ? mention.entityId : null,
        teamId: mention.kind === 'team' ? mention.entityId : null,
        quote: sentenceAround(item.text, sentences, mention),
      });
    }
  }
  return [...found.values()];
}

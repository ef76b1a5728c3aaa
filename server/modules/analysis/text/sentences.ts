import type { Span } from '../types.ts';

/** Ends of sentences: terminal punctuation runs (with closing quotes), or line breaks. */
const BOUNDARY = /[.!?…]+["')\]]*(?=\s|$)|\n+/g;

/**
 * Splits text into sentence spans. Deliberately simple and linear (one pass of a regex without
 * nested quantifiers), so pathological input cannot make it slow.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end > start) spans.push({ start, end });
}

import type { PersonalDataKind, PersonalDataSpan } from './types.ts';

/** First version: e-mail addresses and phone numbers. Patterns are linear (no nested repeats). */
const PATTERNS: Array<[PersonalDataKind, RegExp]> = [
  ['email', /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu],
  ['phone', /(?<![\p{N}])\+?\d[\d ().-]{7,18}\d(?![\p{N}])/gu],
];

/** The personal data found in a text, in order, without overlaps. */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const [kind, pattern] of PATTERNS)
    for (const match of text.matchAll(pattern))
      spans.push({ kind, start: match.index, end: match.index + match[0].length });
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((span, index) => index === 0 || span.start >= spans[index - 1]!.end);
}

/** The text with each span replaced by a marker such as `[email]`. */
export function redact(text: string, spans: readonly PersonalDataSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + `[${span.kind}]`;
    at = span.end;
  }
  return out + text.slice(at);
}

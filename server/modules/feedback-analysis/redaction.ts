import { findPersonalData, redact } from '../analysis/redact.ts';
import type { PersonalDataSpan, Span } from '../analysis/types.ts';

/**
 * Personal data hidden from viewers and integrations when the workspace asks for it (settings:
 * redactPersonalData). Owners, admins and agents work with customers and see the text as sent.
 */
export interface RedactionSource {
  personalData: readonly PersonalDataSpan[];
  truncated: boolean;
}

/**
 * The spans to hide: those the analysis stored, checked against the text; the text is scanned
 * afresh when it was not analysed yet, was longer than the analysed prefix, or no longer fits
 * the stored spans (revised since).
 */
export function personalDataSpans(
  analysis: RedactionSource | null,
  text: string,
): PersonalDataSpan[] {
  if (
    !analysis ||
    analysis.truncated ||
    analysis.personalData.some((span) => span.end > text.length || span.start >= span.end)
  )
    return findPersonalData(text);
  return [...analysis.personalData];
}

/** The text with e-mail addresses, phone numbers and the like replaced by `[email]`, `[phone]`… */
export function redactedText(analysis: RedactionSource | null, text: string): string {
  return redact(text, personalDataSpans(analysis, text));
}

/**
 * Moves offsets of the original text to the redacted one: each marker has its own length, so
 * spans after it shift; an offset inside hidden data lands on its marker.
 */
export function offsetMapper(spans: readonly PersonalDataSpan[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const span of spans) {
      if (offset <= span.start) break;
      const marker = span.kind.length + 2;
      if (offset < span.end) return span.start + shift;
      shift += marker - (span.end - span.start);
    }
    return offset + shift;
  };
}

export function overlaps(span: Span, hidden: readonly Span[]): boolean {
  return hidden.some((other) => span.start < other.end && other.start < span.end);
}

import { findAddresses } from './personal-data/addresses.ts';
import { findCards, findIbans, findPhones } from './personal-data/numbers.ts';
import { PERSONAL_DATA_KINDS, type PersonalDataKind, type PersonalDataSpan } from './types.ts';

/**
 * An e-mail address: a local part of at most 64 characters (not started inside a longer run of
 * such characters), then one to eight domain labels and a top-level domain of letters. Linear:
 * each repeat is bounded and its class cannot match the character that must follow it.
 */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

function findEmails(text: string): PersonalDataSpan[] {
  return Array.from(text.matchAll(EMAIL), (match) => ({
    kind: 'email' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Where two findings overlap, the surer kind wins: a card number is not also a phone number. */
const PRIORITY: Record<PersonalDataKind, number> = {
  email: 0,
  card: 1,
  iban: 2,
  address: 3,
  phone: 4,
};
const DETECTORS: Record<PersonalDataKind, (text: string) => PersonalDataSpan[]> = {
  email: findEmails,
  card: findCards,
  iban: findIbans,
  address: findAddresses,
  phone: findPhones,
};

export interface PersonalDataOptions {
  /** The kinds to look for (default: all). */
  kinds?: readonly PersonalDataKind[];
}

/**
 * E-mail addresses, phone numbers, card numbers (Luhn-checked), IBANs (mod-97-checked) and street
 * addresses or postcodes in a text, in order and without overlaps. Offsets index `text` itself.
 */
export function findPersonalData(
  text: string,
  options: PersonalDataOptions = {},
): PersonalDataSpan[] {
  const kinds = options.kinds ?? PERSONAL_DATA_KINDS;
  const found = kinds.flatMap((kind) => DETECTORS[kind](text));
  return withoutOverlaps(found);
}

/** Sorted by start; of two that overlap, the higher-priority (then longer) one is kept. */
function withoutOverlaps(spans: PersonalDataSpan[]): PersonalDataSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataSpan[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
    else if (
      PRIORITY[span.kind] < PRIORITY[last.kind] ||
      (PRIORITY[span.kind] === PRIORITY[last.kind] && span.end - span.start > last.end - last.start)
    )
      kept[kept.length - 1] = span;
  }
  return kept;
}

export interface RedactOptions {
  /** Redact only these kinds (default: every span given). */
  kinds?: readonly PersonalDataKind[];
  /** The marker put in place of a span (default `[email]`, `[phone]`, ...). */
  marker?: (kind: PersonalDataKind) => string;
}

/**
 * The text with each span replaced by a readable marker such as `[email]`. Spans may come in any
 * order; ones that overlap a span already replaced, or fall outside the text, are ignored, and a
 * span is widened rather than let split a surrogate pair.
 */
export function redact(
  text: string,
  spans: readonly PersonalDataSpan[],
  options: RedactOptions = {},
): string {
  const marker = options.marker ?? ((kind: PersonalDataKind) => `[${kind}]`);
  const wanted = options.kinds ? new Set(options.kinds) : undefined;
  const ordered = spans
    .filter((span) => !wanted || wanted.has(span.kind))
    .map((span) => ({
      kind: span.kind,
      start: widenStart(text, clamp(span.start, text.length)),
      end: widenEnd(text, clamp(span.end, text.length)),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of ordered) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + marker(span.kind);
    at = span.end;
  }
  return out + text.slice(at);
}

const clamp = (value: number, length: number) =>
  Number.isFinite(value) ? Math.min(Math.max(0, Math.trunc(value)), length) : 0;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const splitsPair = (text: string, index: number) =>
  index > 0 &&
  index < text.length &&
  isHigh(text.charCodeAt(index - 1)) &&
  isLow(text.charCodeAt(index));
const widenStart = (text: string, index: number) => (splitsPair(text, index) ? index - 1 : index);
const widenEnd = (text: string, index: number) => (splitsPair(text, index) ? index + 1 : index);

import { describe, expect, it } from 'vitest';
import { analyseText, compileDirectory } from './analyse.ts';
import { detectLanguage } from './language.ts';
import { MAX_ANALYSED_CHARS, prepareText } from './limits.ts';
import { findMentions } from './mentions/index.ts';
import { findPersonalData, redact } from './redact.ts';
import { analyseSentiment } from './sentiment/index.ts';
import { splitSentences } from './text/sentences.ts';
import { extractKeyPhrases } from './themes/key-phrases.ts';
import {
  ANALYSIS_PARTS,
  MENTION_KINDS,
  PERSONAL_DATA_KINDS,
  SENTIMENT_LABELS,
  type Sentiment,
  type Span,
} from './types.ts';

/**
 * Every exported analyser on hostile input: each call must finish within the limit (generous, but
 * far below what catastrophic backtracking or a quadratic loop costs on a
 * megabyte) and return well-formed results: offsets in bounds, in order where promised, never
 * inside a surrogate pair, labels from the contract. The analysers are imported by their exported
 * names, so whichever version is merged is the one tested.
 */
const LIMIT_MS = 2_000;
const MB = 1_000_000;

const repeatTo = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const prose =
  'Thanks to Sam at the front desk, Acme fixed it. Mail me at jo@example.com or call ' +
  '+44 20 7946 0958. Globex never answered! The app crashes when I export to CSV… ';

const INPUTS: Record<string, string> = {
  empty: '',
  'one space': ' ',
  '1 MB of prose': repeatTo(prose, MB),
  '1 MB of whitespace and newlines': repeatTo(' \n\t\r\n ', MB),
  'only emoji': repeatTo('😀🎉👍🏽', 100_000),
  '10k emoji ZWJ sequences': '👩‍👩‍👧‍👦'.repeat(10_000),
  'mixed scripts': repeatTo('Hello Привет 你好 مرحبا नमस्ते Γειά σου こんにちは ', 200_000),
  'right-to-left with controls': repeatTo(
    '\u202Eשלום עולם\u202C \u200Fمرحبا بالعالم\u200E ',
    200_000,
  ),
  'lone surrogates': repeatTo('ab\uD800c\uDC00d\uDBFF', 200_000),
  'a pair cut at the analysis bound': 'a'.repeat(MAX_ANALYSED_CHARS - 1) + '😀'.repeat(10),
  'all URLs': repeatTo('https://example.com/a?b=c&d=e#f www.acme.io/x ', MB),
  'all numbers': repeatTo('12345 67.89 2024-01-15 +1 (415) 555-0132 ', MB),
  '100k × a': 'a'.repeat(100_000),
  '100k × @': '@'.repeat(100_000),
  '"aaaa…@" for the e-mail pattern': 'a'.repeat(200_000) + '@',
  '"a.a.a…@x" for the e-mail pattern': repeatTo('a.', 200_000) + '@x',
  'e-mails without a top-level domain': repeatTo('user@domain ', 500_000),
  'domain labels without end': 'a@' + repeatTo('b.', 200_000),
  '50k nested brackets': '('.repeat(50_000) + ')'.repeat(50_000) + '[{'.repeat(25_000),
  '1 MB of digits': '7'.repeat(MB),
  'digits with dashes': repeatTo('4-', MB),
  'digits with spaces': repeatTo('4111 ', MB),
  'phone-like groups': repeatTo('+44 (0) 20 ', MB),
  'IBAN-like groups': repeatTo('GB82 WEST ', 500_000),
  'street-like words': repeatTo('12 High ', 500_000),
  'zalgo combining marks': repeatTo(
    'S\u0336\u0335\u0334a\u0337\u0338\u0321m\u0322\u0327\u0328 ',
    300_000,
  ),
  'adversarial names': repeatTo('Thanks to Sam at the Sam from Sam Sam in billing ', MB),
  'adversarial aliases': repeatTo('Acme Acme Corp #acme @AcmeSupport Acme ', MB),
  'sentence punctuation': repeatTo('!?.…', MB),
  'one 1 MB word': 'x'.repeat(MB),
};

const directory = compileDirectory({
  people: [
    { id: 'p1', name: 'Samantha Reed', nicknames: [], teamId: 't1' },
    { id: 'p2', name: 'Samuel Ortiz', nicknames: ['Sammy'] },
  ],
  teams: [{ id: 't1', name: 'Billing', aliases: ['support'] }],
  entities: [
    { id: 'e1', kind: 'brand', name: 'Acme', aliases: ['Acme Corp', 'a'] },
    { id: 'e2', kind: 'competitor', name: 'Globex', aliases: [] },
  ],
});
const neutral = (): Sentiment => ({ score: 0, label: 'neutral' });

/**
 * Runs an analyser and checks the CPU time it took (this process's, so a machine busy with other
 * work does not fail the test, while backtracking, which burns CPU, still does).
 */
function timed<T>(run: () => T): T {
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  expect(ms, `took ${Math.round(ms)} ms of CPU`).toBeLessThan(LIMIT_MS);
  return result;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const insidePair = (text: string, index: number) =>
  index > 0 &&
  index < text.length &&
  isHigh(text.charCodeAt(index - 1)) &&
  isLow(text.charCodeAt(index));

/** The first problem with a list of spans over `text`, or null (one expect per list keeps it fast). */
function spanProblem(text: string, spans: readonly Span[], ordered: boolean): string | null {
  let previousEnd = 0;
  for (const [index, span] of spans.entries()) {
    const where = `span ${index} [${span.start}, ${span.end})`;
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end))
      return `${where}: not integers`;
    if (span.start < 0 || span.end <= span.start || span.end > text.length)
      return `${where}: out of bounds for length ${text.length}`;
    if (insidePair(text, span.start) || insidePair(text, span.end))
      return `${where}: splits a surrogate pair`;
    if (ordered && span.start < previousEnd) return `${where}: overlaps the one before`;
    previousEnd = span.end;
  }
  return null;
}

function expectSpans(text: string, spans: readonly Span[], ordered: boolean): void {
  expect(spanProblem(text, spans, ordered)).toBeNull();
}

function expectSentiment(sentiment: Sentiment): void {
  expect(SENTIMENT_LABELS).toContain(sentiment.label);
  expect(Number.isFinite(sentiment.score)).toBe(true);
  expect(Math.abs(sentiment.score)).toBeLessThanOrEqual(1);
}

function expectLanguage(language: { code: string; confidence: number }): void {
  expect(language.code).toMatch(/^(?:[a-z]{2,3}|und)$/);
  expect(language.confidence).toBeGreaterThanOrEqual(0);
  expect(language.confidence).toBeLessThanOrEqual(1);
}

// Wall time per test may be far above the CPU limit on a shared machine; only CPU time is judged.
describe.each(Object.entries(INPUTS))(
  'pathological input: %s',
  { timeout: 60_000 },
  (_name, input) => {
    const analysed = prepareText(input).text;

    it('prepareText bounds the text and leaves no lone surrogate', () => {
      const prepared = timed(() => prepareText(input));
      expect(prepared.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
      expect(LONE_SURROGATE.test(prepared.text)).toBe(false);
      expect(prepared.truncated).toBe(input.length > MAX_ANALYSED_CHARS);
    });

    it('analyseText returns a well-formed analysis', () => {
      const result = timed(() => analyseText(input, { mentions: directory }));
      expectLanguage(result.language);
      for (const part of result.notAnalysed) expect(ANALYSIS_PARTS).toContain(part);
      expect(result.truncated).toBe(input.length > MAX_ANALYSED_CHARS);
      if (result.sentiment) {
        expectSentiment(result.sentiment);
        expectSpans(analysed, result.sentiment.sentences, true);
        result.sentiment.sentences.forEach(expectSentiment);
        expectSpans(analysed, result.sentiment.aspects, false);
      }
      expectSpans(analysed, result.keyPhrases, false);
      expectSpans(analysed, result.mentions, true);
      expectSpans(analysed, result.personalData, true);
    });

    it('detectLanguage names a language or none', () => {
      expectLanguage(timed(() => detectLanguage(input)));
    });

    it('splitSentences gives trimmed spans in order', () => {
      const spans = timed(() => splitSentences(input));
      expectSpans(input, spans, true);
      for (const span of spans.slice(0, 1_000)) {
        expect(/\s/.test(input[span.start]!)).toBe(false);
        expect(/\s/.test(input[span.end - 1]!)).toBe(false);
      }
    });

    // The facade hands these two at most MAX_ANALYSED_CHARS (see limits.ts), so that is what they get.
    it('analyseSentiment scores the analysed prefix', () => {
      const result = timed(() => analyseSentiment(analysed));
      expectSentiment(result);
      expectSpans(analysed, result.sentences, true);
      result.sentences.slice(0, 100).forEach(expectSentiment);
      result.aspects.slice(0, 100).forEach(expectSentiment);
    });

    it('extractKeyPhrases finds phrases within the analysed prefix', () => {
      const phrases = timed(() => extractKeyPhrases(analysed));
      expectSpans(analysed, phrases, false);
      for (const phrase of phrases) expect(typeof phrase.phrase).toBe('string');
    });

    it('findMentions gives mentions in order that quote the text', () => {
      const mentions = timed(() =>
        findMentions(input, directory, neutral, { ambiguous: 'report' }),
      );
      expectSpans(input, mentions, true);
      const wrong = mentions.find(
        (mention) =>
          !MENTION_KINDS.includes(mention.kind) ||
          mention.text !== input.slice(mention.start, mention.end),
      );
      expect(wrong).toBeUndefined();
    });

    it('findPersonalData and redact keep within bounds', () => {
      const spans = timed(() => findPersonalData(input));
      expectSpans(input, spans, true);
      expect(spans.every((span) => PERSONAL_DATA_KINDS.includes(span.kind))).toBe(true);
      const redacted = timed(() => redact(input, spans));
      const removed = spans.reduce((sum, span) => sum + span.end - span.start, 0);
      const markers = spans.reduce((sum, span) => sum + span.kind.length + 2, 0);
      expect(redacted.length).toBe(input.length - removed + markers);
      expect(timed(() => redact(input, []))).toBe(input);
    });
  },
);

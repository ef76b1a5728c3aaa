import { emojiBaseAt, isEmojiModifier } from './emoji.ts';

/**
 * The sentiment tokenizer: one left-to-right pass over UTF-16 code units, no regular expressions
 * on the hot path, so its cost is linear in the text whatever the text holds. It yields words
 * (lower-cased keys), numbers, emoji (one token per emoji, modifiers and ZWJ sequences folded in),
 * emoticons, and the punctuation that carries sentiment or structure; everything else is skipped.
 * It also cuts sentences, so the caller needs no second pass.
 */

export const Kind = {
  Word: 0,
  Number: 1,
  Emoji: 2,
  Emoticon: 3,
  /** `,` `;` `:` and dashes between words: clause boundaries. */
  Comma: 4,
  /** A run of `.` `!` `?` `…`; `bangs` and `questions` count the `!` and `?`. */
  Stop: 5,
  Quote: 6,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Token {
  kind: Kind;
  /** Lower-cased word (ASCII apostrophe), emoticon text, or `""`. */
  key: string;
  /** Emoji base code point, else 0. */
  code: number;
  start: number;
  end: number;
  /** A word of two or more letters, all capitals ("NEVER", "ONE"). */
  caps: boolean;
  bangs: number;
  questions: number;
}

export interface SentenceTokens {
  start: number;
  end: number;
  /** Token range [from, to). */
  from: number;
  to: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: SentenceTokens[];
  /** Some but not all words are in capitals: only then do capitals mark emphasis (as in VADER). */
  capsContrast: boolean;
}

/** Emoticons considered, longest first, mapped by their text; filled by the lexicon. */
export interface EmoticonTable {
  has(text: string): boolean;
  maxLength: number;
  /** First characters an emoticon can start with (never a letter or digit). */
  starts: ReadonlySet<number>;
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT_OR_LETTER = /[\p{L}\p{M}\p{N}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11;
}
/** Letters beyond ASCII (accented Latin, Hebrew, Arabic, CJK...) are words too; no surrogates. */
function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return DIGIT_OR_LETTER.test(text[i]!);
}
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isQuote = (c: number) => c === 34 || c === 0x201c || c === 0x201d;
const CLOSERS = new Set([34, 39, 41, 93, 0x201d, 0x2019]);

function newToken(kind: Kind, key: string, start: number, end: number): Token {
  return { kind, key, code: 0, start, end, caps: false, bangs: 0, questions: 0 };
}

export function tokenize(text: string, emoticons: EmoticonTable): Tokenized {
  const tokens: Token[] = [];
  const sentences: SentenceTokens[] = [];
  const length = text.length;
  let sentenceStart = -1;
  let sentenceFrom = 0;
  let lastEnd = 0;
  let capsWords = 0;
  let words = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 && sentenceStart >= 0) {
        sentences.push({
          start: sentenceStart,
          end: lastEnd,
          from: sentenceFrom,
          to: tokens.length,
        });
        sentenceStart = -1;
        sentenceFrom = tokens.length;
      }
      i += 1;
      continue;
    }
    if (sentenceStart < 0) sentenceStart = i;
    if (isWordChar(text, i, c)) {
      const token = readWord(text, i);
      tokens.push(token);
      if (token.kind === Kind.Word) {
        words += 1;
        if (token.caps) capsWords += 1;
      }
      i = lastEnd = token.end;
      continue;
    }
    const emoji = emojiBaseAt(text, i);
    if (emoji !== 0) {
      let end = i + (emoji > 0xffff ? 2 : 1);
      // Fold skin tones, variation selectors, keycaps and ZWJ-joined parts into one token.
      for (;;) {
        const next = text.codePointAt(end) ?? 0;
        if (next === 0x200d && end + 1 < length) {
          const joined = emojiBaseAt(text, end + 1);
          end += 1 + (joined > 0xffff ? 2 : joined > 0 ? 1 : 0);
        } else if (isEmojiModifier(next)) end += next > 0xffff ? 2 : 1;
        else break;
      }
      const token = newToken(Kind.Emoji, '', i, end);
      token.code = emoji;
      tokens.push(token);
      i = lastEnd = end;
      continue;
    }
    const emoticonEnd = emoticons.starts.has(c) ? matchEmoticon(text, i, emoticons) : -1;
    if (emoticonEnd > 0) {
      tokens.push(newToken(Kind.Emoticon, text.slice(i, emoticonEnd), i, emoticonEnd));
      i = lastEnd = emoticonEnd;
      continue;
    }
    if (c === 33 || c === 63 || c === 46 || c === 0x2026) {
      const token = newToken(Kind.Stop, '', i, i);
      let end = i;
      for (let p = text.charCodeAt(end); ; p = text.charCodeAt(end)) {
        if (p === 33) token.bangs += 1;
        else if (p === 63) token.questions += 1;
        else if (p !== 46 && p !== 0x2026) break;
        end += 1;
      }
      // A full stop inside a number or a name ("4.2", "e.g.x") does not end a sentence.
      const after = end < length ? text.charCodeAt(end) : 32;
      let close = end;
      while (close < length && CLOSERS.has(text.charCodeAt(close))) close += 1;
      const closeAfter = close < length ? text.charCodeAt(close) : 32;
      token.end = end;
      tokens.push(token);
      i = lastEnd = end;
      if (isSpace(after) || (close > end && isSpace(closeAfter))) {
        if (close > end) i = lastEnd = close;
        sentences.push({
          start: sentenceStart,
          end: lastEnd,
          from: sentenceFrom,
          to: tokens.length,
        });
        sentenceStart = -1;
        sentenceFrom = tokens.length;
      }
      continue;
    }
    if (c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014) {
      tokens.push(newToken(Kind.Comma, '', i, i + 1));
    } else if (c === 45 && i > 0 && isSpace(text.charCodeAt(i - 1))) {
      tokens.push(newToken(Kind.Comma, '', i, i + 1)); // " - " between clauses
    } else if (isQuote(c)) {
      tokens.push(newToken(Kind.Quote, '', i, i + 1));
    }
    // Anything else (symbols, brackets, lone surrogates) carries nothing; skip one code point.
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < length ? 2 : 1;
    lastEnd = i;
  }
  if (sentenceStart >= 0) {
    sentences.push({ start: sentenceStart, end: lastEnd, from: sentenceFrom, to: tokens.length });
  }
  return { tokens, sentences, capsContrast: capsWords > 0 && capsWords < words };
}

/** A run of letters and digits with inner apostrophes ("don't", "it’s"); hyphens split words. */
function readWord(text: string, start: number): Token {
  let i = start;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let curly = false;
  let plain = true;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper += 1;
    else if (c >= 97 && c <= 122) lower += 1;
    else if (isDigit(c)) digits += 1;
    else if (isApostrophe(c) && i + 1 < length && isAsciiLetter(text.charCodeAt(i + 1))) {
      if (c === 0x2019) curly = true;
    } else if (c >= 128 && (c < 0xd800 || c > 0xdfff) && DIGIT_OR_LETTER.test(text[i]!)) {
      plain = false;
      if (LETTER.test(text[i]!) && text[i] !== text[i]!.toLowerCase()) upper += 1;
      else lower += 1;
    } else break;
    i += 1;
  }
  let key = text.slice(start, i);
  if (upper > 0 || !plain) key = key.toLowerCase();
  if (curly) key = key.replaceAll('\u2019', "'");
  const numeric = digits > 0 && upper + lower === 0;
  const token = newToken(numeric ? Kind.Number : Kind.Word, key, start, i);
  token.caps = upper >= 2 && lower === 0;
  return token;
}

/**
 * An emoticon must stand alone: after a space or the start, and before a space, the end, or
 * punctuation, so ":" in "10:30" or "(8)" are not faces. At most `maxLength` lookups.
 */
function matchEmoticon(text: string, i: number, table: EmoticonTable): number {
  if (i > 0 && !isSpace(text.charCodeAt(i - 1))) return -1;
  const limit = Math.min(table.maxLength, text.length - i);
  for (let size = limit; size >= 2; size -= 1) {
    const end = i + size;
    const after = end < text.length ? text.charCodeAt(end) : 32;
    if (!isSpace(after) && after !== 46 && after !== 44 && after !== 33 && after !== 63) continue;
    if (table.has(text.slice(i, end))) return end;
  }
  return -1;
}

import { detectAll } from 'tinyld';
import type { LanguageResult } from './types.ts';

/** Letters of any script; text without them (emoji, numbers, URLs) has no language. */
const LETTER = /\p{L}/u;
// Bounded, @-free parts: an unbounded `\S+@\S+` backtracks cubically on a run of '@'.
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|[^\s@]{1,64}@[^\s@]{1,255}/giu;
const SAMPLE_CHARS = 2_000;

/** Scripts written by one language, so the script alone tells the language. */
const SCRIPT_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Telugu}/u, 'te'],
  [/\p{Script=Gujarati}/u, 'gu'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Ethiopic}/u, 'am'],
];
/** Scripts shared by several languages: the n-gram detector chooses among them. */
const SHARED_SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
];
const HAN = /\p{Script=Han}/u;
/** One Chinese or Japanese character carries about as much as a short word of Latin letters. */
const IDEOGRAPH_WEIGHT = 3;

/**
 * Words that make a short Latin-script text English when the n-gram detector cannot tell
 * ("great app" reads as Irish to tinyld): function words and the commonest feedback words.
 */
const COMMON_ENGLISH = new Set(
  `the a an and or but is are was were be been it its this that to of in on for with at by from
  i you we they my your our me us not no very so too just all can cant dont didnt doesnt wont
  do did does have has had will would should could get got good great bad love like hate nice
  thanks thank awesome terrible slow fast app website service support help order delivery price
  easy hard works work working broken fixed fix please again still never always really best worst
  ok okay poor excellent amazing awful product team staff helpful useless`.split(/\s+/u),
);

/**
 * Function words only English writes: none is a common word of another Latin-script language
 * ("in", "is", "was", "we", "a", "on", "so", "i", "at", "for", "do", "me" and "be" are left out
 * for Dutch, German, French, Italian, the Scandinavian languages, Portuguese and Spanish).
 */
const ENGLISH_ONLY = new Set(
  `the and of to with you this that were have has it its my your our not but they are been would
  could should very just from can will did does had what when there their about after because
  which who how still any more than then them these those into only some such didnt dont doesnt
  cant wont isnt wasnt`.split(/\s+/u),
);
/** With this many words and this share of them English-only, a text is English without n-grams. */
const FAST_ENGLISH_WORDS = 8;
const FAST_ENGLISH_SHARE = 0.15;

interface ScriptCount {
  key: string;
  weight: number;
  text: string[];
}

/**
 * The language of a text: the script decides where one language writes it (Hangul, kana, Greek...);
 * otherwise tinyld (a well-kept n-gram detector) chooses among the languages of the text's main
 * script, reading only that script's words, so "The delivery was late 配送が遅れました" is placed
 * by its larger part. Short texts are hard to place, so confidence is damped below ~40 letters.
 */
export function detectLanguage(text: string): LanguageResult {
  const sample = text.slice(0, SAMPLE_CHARS).replace(URL, ' ');
  if (!LETTER.test(sample)) return { code: 'und', confidence: 0 };
  const counts = countScripts(sample);
  const total = counts.reduce((sum, count) => sum + count.weight, 0);
  const main = counts.reduce((best, count) => (count.weight > best.weight ? count : best));
  const share = main.weight / total;
  if (!SHARED_SCRIPTS.some(([, key]) => key === main.key)) {
    const code = main.key === 'han' ? 'zh' : main.key;
    if (code === 'other') return { code: 'und', confidence: 0 };
    return { code, confidence: round(share * Math.min(1, 0.5 + main.weight / 40)) };
  }
  const words = main.text.join(' ');
  const lengthFactor = Math.min(1, main.weight / 40);
  // Most feedback is plain English: its function words settle it at a fraction of the n-gram
  // detector's cost, the largest part of analysing a short text.
  if (main.key === 'latin' && plainlyEnglish(words))
    return { code: 'en', confidence: round(lengthFactor * share) };
  const [best] = detectAll(words);
  if (main.key === 'latin' && (!best || best.lang !== 'en') && mostlyEnglish(words)) {
    return { code: 'en', confidence: round(0.5 * share * Math.max(lengthFactor, 0.5)) };
  }
  if (!best) return { code: 'und', confidence: 0 };
  return {
    code: best.lang,
    confidence: round(Math.min(1, best.accuracy * 2) * lengthFactor * share),
  };
}

/** Letters per script (ideographs weighted), with the words written in each. */
function countScripts(sample: string): ScriptCount[] {
  const counts = new Map<string, ScriptCount>();
  for (const word of sample.split(/[^\p{L}\p{M}'’-]+/u)) {
    for (const letter of word.match(/\p{L}/gu) ?? []) {
      const key = scriptOf(letter);
      const count = counts.get(key) ?? { key, weight: 0, text: [] };
      const ideograph = key === 'ja' || (key !== 'latin' && HAN.test(letter));
      count.weight += ideograph ? IDEOGRAPH_WEIGHT : 1;
      if (count.text[count.text.length - 1] !== word) count.text.push(word);
      counts.set(key, count);
    }
  }
  // Chinese characters inside Japanese text (kanji) belong to the Japanese count.
  const han = counts.get('han');
  const kana = counts.get('ja');
  if (han && kana) {
    kana.weight += han.weight;
    counts.delete('han');
  }
  return [...counts.values()];
}

function scriptOf(letter: string): string {
  // Letters below U+0250 are Latin (Basic Latin to Latin Extended-B): most text, no regex needed.
  if (letter.charCodeAt(0) < 0x250) return 'latin';
  for (const [pattern, key] of SHARED_SCRIPTS) if (pattern.test(letter)) return key;
  for (const [pattern, code] of SCRIPT_LANGUAGES) if (pattern.test(letter)) return code;
  return HAN.test(letter) ? 'han' : 'other';
}

function latinTokens(words: string): string[] {
  return words
    .toLowerCase()
    .replace(/['’]/gu, '')
    .split(/[^a-z]+/u)
    .filter(Boolean);
}

function plainlyEnglish(words: string): boolean {
  const tokens = latinTokens(words);
  if (tokens.length < FAST_ENGLISH_WORDS) return false;
  const known = tokens.filter((token) => ENGLISH_ONLY.has(token)).length;
  return known / tokens.length >= FAST_ENGLISH_SHARE;
}

function mostlyEnglish(words: string): boolean {
  const tokens = latinTokens(words);
  if (tokens.length === 0 || tokens.length > 12) return false;
  const known = tokens.filter((token) => COMMON_ENGLISH.has(token)).length;
  return known / tokens.length >= 0.6;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

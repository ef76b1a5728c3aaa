import { detectAll } from 'tinyld';
import type { LanguageResult } from './types.ts';

/** Letters of any script; text without them (emoji, numbers, URLs) has no language. */
const LETTER = /\p{L}/u;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const SAMPLE_CHARS = 2_000;

/**
 * The language of a text, through tinyld (a well-kept n-gram detector). Short texts are hard to
 * place, so confidence is damped below ~40 letters, and the prefix used is bounded.
 */
export function detectLanguage(text: string): LanguageResult {
  const sample = text.slice(0, SAMPLE_CHARS).replace(URL, ' ');
  if (!LETTER.test(sample)) return { code: 'und', confidence: 0 };
  const [best] = detectAll(sample);
  if (!best) return { code: 'und', confidence: 0 };
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const lengthFactor = Math.min(1, letters / 40);
  return { code: best.lang, confidence: round(Math.min(1, best.accuracy * 2) * lengthFactor) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

import { describe, expect, it } from 'vitest';
import { EMOTICONS } from './lexicon.ts';
import { Kind, tokenize } from './tokenizer.ts';

const read = (text: string) => tokenize(text, EMOTICONS);
const texts = (text: string) =>
  read(text).tokens.map((token) => text.slice(token.start, token.end));

describe('tokenize', () => {
  it('lower-cases words, keeps inner apostrophes (curly ones made straight) and splits hyphens', () => {
    const { tokens } = read('Don’t LOVE the hassle-free app');
    expect(tokens.map((token) => token.key)).toEqual([
      "don't",
      'love',
      'the',
      'hassle',
      'free',
      'app',
    ]);
    expect(tokens.map((token) => token.caps)).toEqual([false, true, false, false, false, false]);
  });

  it('tells numbers from words and caps from single capitals', () => {
    const { tokens } = read('I waited 45 minutes, OK?');
    expect(tokens.filter((token) => token.kind === Kind.Number).map((token) => token.key)).toEqual([
      '45',
    ]);
    expect(tokens.find((token) => token.key === 'i')?.caps).toBe(false);
    expect(tokens.find((token) => token.key === 'ok')?.caps).toBe(true);
  });

  it('makes one token of an emoji with its skin tone, variation selector or ZWJ family', () => {
    const text = 'ok 👍🏽 ❤️ 👨‍👩‍👧 🇬🇧';
    const emoji = read(text).tokens.filter((token) => token.kind === Kind.Emoji);
    expect(emoji.map((token) => text.slice(token.start, token.end))).toEqual([
      '👍🏽',
      '❤️',
      '👨‍👩‍👧',
      '🇬',
      '🇧',
    ]);
    expect(emoji[0]!.code).toBe(0x1f44d);
  });

  it('finds emoticons only where they stand alone', () => {
    expect(texts('great :) really :-( <3')).toEqual(['great', ':)', 'really', ':-(', '<3']);
    const times = read('at 10:30 (see 8) or http://x');
    expect(times.tokens.some((token) => token.kind === Kind.Emoticon)).toBe(false);
  });

  it('counts "!" and "?" in runs and cuts sentences after them, keeping closing quotes', () => {
    const text = 'Wow!!! Really?! He said "fine." Version 4.2 is out';
    const { tokens, sentences } = read(text);
    const stops = tokens.filter((token) => token.kind === Kind.Stop);
    expect(stops.map((token) => [token.bangs, token.questions])).toEqual([
      [3, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Wow!!!',
      'Really?!',
      'He said "fine."',
      'Version 4.2 is out',
    ]);
  });

  it('cuts sentences at line breaks and trims them', () => {
    const text = 'Hi Ben,\n\n  Thanks for the fix  \nRuth';
    expect(read(text).sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Hi Ben,',
      'Thanks for the fix',
      'Ruth',
    ]);
  });

  it('skips lone surrogates and symbols without losing offsets', () => {
    const text = 'good \uD83D bad \uDE0D # $ ok';
    expect(texts(text)).toEqual(['good', 'bad', 'ok']);
  });

  it('reads words in other scripts as words', () => {
    expect(texts('שלום עולם, مرحبا café')).toEqual(['שלום', 'עולם', ',', 'مرحبا', 'café']);
  });

  it('marks emphasis by capitals only when some words are not in capitals', () => {
    expect(read('This is GREAT').capsContrast).toBe(true);
    expect(read('THIS IS GREAT').capsContrast).toBe(false);
  });
});

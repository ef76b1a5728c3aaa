import { describe, expect, it } from 'vitest';
import { expandPattern, PhraseTrie } from './phrase-trie.ts';

describe('expandPattern', () => {
  it('expands alternatives, optional words and apostrophe-free spellings', () => {
    const phrases = expandPattern("(can't|could not) [really] fault").map((words) =>
      words.join(' '),
    );
    expect(phrases.sort()).toEqual(
      [
        "can't fault",
        'cant fault',
        "can't really fault",
        'cant really fault',
        'could not fault',
        'could not really fault',
      ].sort(),
    );
  });

  it('rejects an unclosed group', () => {
    expect(() => expandPattern('(on hold')).toThrow(/Unclosed/);
  });
});

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>(new Set(['an', 'three']));
  trie.add('on hold', 'hold');
  trie.add('on hold for # (minutes|hours|hour)', 'long hold');
  trie.add('(use|buy) [*] again', 'again');

  const match = (text: string, from = 0) => {
    const words = text.split(' ');
    return trie.match(words, from, words.length);
  };

  it('finds the longest phrase at a word, with quantities as numbers or words', () => {
    expect(match('on hold for an hour')).toEqual({ value: 'long hold', length: 5 });
    expect(match('on hold for 45 minutes')).toEqual({ value: 'long hold', length: 5 });
    expect(match('on hold for ages')).toEqual({ value: 'hold', length: 2 });
    expect(match('i was on hold', 2)).toEqual({ value: 'hold', length: 2 });
  });

  it('matches any one word for a wildcard, and nothing shorter than two words', () => {
    expect(match('buy them again')).toEqual({ value: 'again', length: 3 });
    expect(match('buy again')).toEqual({ value: 'again', length: 2 });
    expect(match('on')).toBeNull();
    expect(match('hold on')).toBeNull();
  });

  it('does not match across the end it is given (a punctuation boundary)', () => {
    const words = ['on', 'hold', 'for', 'an', 'hour'];
    expect(trie.match(words, 0, 3)).toEqual({ value: 'hold', length: 2 });
  });
});

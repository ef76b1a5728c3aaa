import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CONCESSIVE,
  CONTRAST_NEXT,
  DEGREE,
  DOMAIN_WORDS,
  EXPECTED,
  NEGATORS,
} from './domain-lexicon.ts';
import { DOMAIN_PHRASES } from './domain-phrases.ts';
import { PhraseTrie } from './phrase-trie.ts';
import type { EmoticonTable } from './tokenizer.ts';

/**
 * The lexicon the engine reads, built once at load: VADER's human-rated word list (Apache-2.0,
 * read from the installed `vader-sentiment` package) overlaid with Hearken's customer-service
 * words and phrases, which take precedence.
 */

export const Contrast = { None: 0, Next: 1, Concessive: 2 } as const;
export type Contrast = (typeof Contrast)[keyof typeof Contrast];

export interface Entry {
  /** VADER scale, -4..4; 0 for words that only modify others. */
  valence: number;
  /** The valence when denied, for expected things ("no reply"); NaN: the usual reversal. */
  negated: number;
  negator: boolean;
  /** Degree modifier: > 0 adds to a following word's magnitude, < 0 scales it by (1 + degree). */
  degree: number;
  contrast: Contrast;
}

/** Words that can stand for a quantity in phrases ("on hold for an hour", "took three days"). */
const QUANTITY_WORDS = new Set(
  (
    'a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty ' +
    'forty fifty sixty several few couple many multiple numerous countless half'
  ).split(' '),
);

const SHORT_WORDS = new Set(['ok', 'xd']);

function entry(valence: number): Entry {
  return { valence, negated: Number.NaN, negator: false, degree: 0, contrast: Contrast.None };
}

function loadVader(): { words: Map<string, number>; phrases: [string, number][] } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('vader-sentiment/package.json'));
  const words = new Map<string, number>();
  const phrases: [string, number][] = [];
  for (const line of readFileSync(join(root, 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const [token, mean] = line.split('\t');
    const valence = Number(mean);
    if (!token || !Number.isFinite(valence)) continue;
    // Later duplicates win, as in the reference implementation.
    if (/[\s-]/.test(token) && /^[a-z' -]+$/.test(token)) {
      phrases.push([token.replaceAll('-', ' '), valence]);
    } else words.set(token, valence);
  }
  return { words, phrases };
}

function build() {
  const vader = loadVader();
  const words = new Map<string, Entry>();
  const emoticons = new Map<string, number>();
  for (const [token, valence] of vader.words) {
    // Two-letter entries ("po", "l") are mostly abbreviations in service text: order numbers, names.
    if (/^[a-z][a-z0-9']+$/.test(token) && (token.length > 2 || SHORT_WORDS.has(token))) {
      words.set(token, entry(valence));
    } else if (token.length >= 2 && /^[^\p{L}\p{N}]/u.test(token)) emoticons.set(token, valence);
  }
  for (const [face, valence] of OUR_EMOTICONS) emoticons.set(face, valence);
  const get = (word: string) => {
    let found = words.get(word);
    if (!found) words.set(word, (found = entry(0)));
    return found;
  };
  for (const [word, valence] of Object.entries(DOMAIN_WORDS)) get(word).valence = valence;
  for (const [word, negated] of Object.entries(EXPECTED)) get(word).negated = negated;
  for (const [word, degree] of Object.entries(DEGREE)) {
    const found = get(word);
    found.degree = degree;
    found.valence = DOMAIN_WORDS[word] ?? 0;
  }
  for (const word of withApostrophes(NEGATORS)) {
    const found = get(word);
    found.negator = true;
    found.valence = DOMAIN_WORDS[word] ?? 0;
  }
  for (const word of CONTRAST_NEXT) get(word).contrast = Contrast.Next;
  for (const word of CONCESSIVE) get(word).contrast = Contrast.Concessive;

  const trie = new PhraseTrie(QUANTITY_WORDS);
  for (const [phrase, valence] of vader.phrases) trie.add(phrase, entry(valence));
  for (const [pattern, spec] of DOMAIN_PHRASES) {
    const found = entry(spec.v ?? 0);
    if (spec.exp !== undefined) found.negated = spec.exp;
    found.negator = spec.neg ?? false;
    found.degree = spec.deg ?? 0;
    if (spec.contrast)
      found.contrast = spec.contrast === 'next' ? Contrast.Next : Contrast.Concessive;
    trie.add(pattern, found);
  }
  return { words, emoticons, trie };
}

/** "don't" for "dont" and the reverse, so both spellings deny. */
function withApostrophes(list: readonly string[]): string[] {
  const out = new Set(list);
  for (const word of list) {
    if (word.endsWith('nt') && word.length > 3) out.add(`${word.slice(0, -2)}n't`);
  }
  out.add("can't").add("won't").add("ain't");
  return [...out];
}

/** Faces VADER's list lacks. */
const OUR_EMOTICONS: ReadonlyArray<readonly [string, number]> = [
  [':))', 2.4],
  [':)))', 2.6],
  [':-))', 2.4],
  [':((', -2.4],
  [':(((', -2.6],
  [':-((', -2.4],
  ['^^', 1.5],
  ['^_^', 2],
  ['-_-', -1.5],
  ['-.-', -1.2],
  [":'(", -2.2],
  [':-|', -0.5],
];

const built = build();
export const WORDS: ReadonlyMap<string, Entry> = built.words;
export const PHRASES: PhraseTrie = built.trie;

const NEGATOR_ENTRY: Entry = { ...entry(0), negator: true };

/** The entry for a lower-cased word; any other "...n't" word denies. */
export function lookupWord(key: string): Entry | undefined {
  const found = WORDS.get(key);
  if (found) return found;
  return key.endsWith("n't") ? NEGATOR_ENTRY : undefined;
}

export const EMOTICONS: EmoticonTable & { valence(text: string): number } = {
  has: (text) => built.emoticons.has(text) || built.emoticons.has(text.toLowerCase()),
  valence: (text) => built.emoticons.get(text) ?? built.emoticons.get(text.toLowerCase()) ?? 0,
  maxLength: Math.max(...[...built.emoticons.keys()].map((face) => face.length)),
  starts: new Set([...built.emoticons.keys()].map((face) => face.charCodeAt(0))),
};

import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { KeyPhrase } from '../types.ts';
import {
  CANONICAL_WORDS,
  GENERIC_NOUNS,
  IMPLICIT_ASPECTS,
  ISSUE_VERBS,
  PARTICLE_VERBS,
  isEmptyModifier,
  nounBase,
} from './phrase-words.ts';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

const NOUNS = new Set(['NOUN', 'PROPN']);
const MODIFIERS = new Set(['NOUN', 'PROPN', 'ADJ']);
const NOT = new Set(['not', "n't"]);
const MAX_WORDS = 4;
/** A word of a phrase: letters or digits, inner apostrophes and joiners; no handles or contractions. */
const WORD = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}&+-]|\.(?=\p{L}))*$/u;
const MAX_PHRASE_CHARS = 60;

interface Token {
  pos: string;
  /** Lower-case base form used in phrases. */
  base: string;
  stop: boolean;
  start: number;
  end: number;
  /** Characters between the previous token and this one. */
  gap: number;
}

/**
 * Key phrases: noun phrases (nouns with the nouns and adjectives before them) found by wink-nlp's
 * tagger, lemmatised and lower-cased, without stop words, opinion words ("terrible support" is about
 * "support") or generic heads ("days"); plus the issue a verb names ("deliveries were delayed" →
 * "delivery delay", "I was charged twice" → "charge") and the aspect an adjective judges ("rude" →
 * "staff attitude", "overpriced" → "price"). Hyphenated compounds stay one word.
 * Offsets are UTF-16 indices into `text`, so emoji and accents do not shift them.
 */
export function extractKeyPhrases(text: string): KeyPhrase[] {
  const tokens = joinHyphenated(readTokens(text));
  const phrases: KeyPhrase[] = [];
  let run: Token[] = [];
  for (let index = 0; index <= tokens.length; index += 1) {
    const token = tokens[index];
    const aspect = token && IMPLICIT_ASPECTS[token.base];
    if (aspect && (token.pos === 'ADJ' || token.pos === 'VERB')) {
      push(phrases, text, [aspect], token.start, token.end);
    }
    if (
      token &&
      MODIFIERS.has(token.pos) &&
      token.base.split(' ').every((word) => WORD.test(word))
    ) {
      run.push(token);
      continue;
    }
    const noun = nounPhrase(run);
    run = [];
    const issue = token ? issueAt(tokens, index) : undefined;
    if (noun) push(phrases, text, noun.words, noun.start, noun.end);
    if (!issue) continue;
    if (noun) {
      const head = noun.words[noun.words.length - 1]!;
      push(phrases, text, [head.base, issue.noun], head.start, issue.end);
    } else {
      push(phrases, text, [issue.noun], issue.start, issue.end);
    }
    index = issue.index;
  }
  return phrases;
}

function push(
  phrases: KeyPhrase[],
  text: string,
  words: ReadonlyArray<string | Token>,
  start: number,
  end: number,
): void {
  const phrase = words.map((word) => (typeof word === 'string' ? word : word.base)).join(' ');
  if (phrase.length > MAX_PHRASE_CHARS || end <= start || end > text.length) return;
  if (phrases.some((known) => known.phrase === phrase && known.start === start)) return;
  phrases.push({ phrase, start, end });
}

/** The topic words of a run of nouns and adjectives: trailing non-nouns, stop words, opinions out. */
function nounPhrase(run: Token[]): { words: Token[]; start: number; end: number } | undefined {
  let end = run.length;
  while (end > 0 && !NOUNS.has(run[end - 1]!.pos)) end -= 1;
  let words = run.slice(0, end).filter((token) => !token.stop);
  while (words.length > 1 && words[0]!.pos !== 'NOUN' && isEmptyModifier(words[0]!.base)) {
    words = words.slice(1);
  }
  words = words.slice(-MAX_WORDS);
  const head = words[words.length - 1];
  if (!head || /^\p{N}+$/u.test(head.base) || head.base.length < 2) return undefined;
  if (words.length === 1 && GENERIC_NOUNS.has(head.base)) return undefined;
  return { words, start: words[0]!.start, end: head.end };
}

/**
 * An issue verb at `index`, reached through auxiliaries and adverbs ("were delayed", "keeps
 * crashing", "was never refunded": negation changes the sentiment, not the topic). A noun phrase just before such a chain is
 * what the verb is about; "asked support to reset" is not (the infinitive breaks the chain).
 */
function issueAt(
  tokens: Token[],
  index: number,
): { noun: string; start: number; end: number; index: number } | undefined {
  let at = index;
  while (at < tokens.length && at - index < 4) {
    const token = tokens[at]!;
    const chain =
      token.pos === 'AUX' || token.pos === 'ADV' || token.base === 'keep' || NOT.has(token.base);
    if (!chain) break;
    at += 1;
  }
  const verb = tokens[at];
  if (!verb || (verb.pos !== 'VERB' && verb.pos !== 'NOUN')) return undefined;
  const particle = tokens[at + 1];
  const compound = particle ? PARTICLE_VERBS[`${verb.base} ${particle.base}`] : undefined;
  if (compound && particle)
    return { noun: compound, start: verb.start, end: particle.end, index: at + 1 };
  const noun = verb.pos === 'VERB' ? ISSUE_VERBS[verb.base] : undefined;
  return noun ? { noun, start: verb.start, end: verb.end, index: at } : undefined;
}

/** "sign-up", "e-mail", "double-charged": one token, so the phrase keeps the compound whole. */
function joinHyphenated(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const hyphen = tokens[index + 1];
    const next = tokens[index + 2];
    if (
      hyphen?.base === '-' &&
      hyphen.gap === 0 &&
      next &&
      next.gap === 0 &&
      /\p{L}$/u.test(token.base) &&
      /^\p{L}/u.test(next.base)
    ) {
      const compound = `${token.base}-${next.base}`;
      joined.push({
        pos: 'NOUN',
        base: CANONICAL_WORDS[compound] ?? `${token.base} ${ISSUE_VERBS[next.base] ?? next.base}`,
        stop: false,
        start: token.start,
        end: next.end,
        gap: token.gap,
      });
      index += 2;
      continue;
    }
    joined.push(token);
  }
  return joined;
}

/** The tokens with their base forms and exact offsets, rebuilt from wink-nlp's preceding spaces. */
function readTokens(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const tokens: Token[] = [];
  let offset = 0;
  let sentenceStart = true;
  doc.tokens().each((token: ItemToken) => {
    const value = token.out();
    const spaces = token.out(its.precedingSpaces).length;
    const expected = offset + spaces;
    // wink-nlp hands back the text as written, so it is found where the spaces say; the search is a
    // fallback for a tokeniser change, bounded so a miss cannot jump ahead to a later repeat.
    let start = text.startsWith(value, expected) ? expected : text.indexOf(value, offset);
    if (start < 0 || start > expected + 8) start = expected;
    const end = Math.min(text.length, start + value.length);
    const pos = token.out(its.pos);
    // NFC, so "résumé" typed with combining accents is the same phrase as the precomposed one.
    const lower = value.toLowerCase().normalize('NFC');
    // The typings give lemma an extra parameter that `out` does not accept; it returns a string.
    const lemma = token
      .out(its.lemma as unknown as typeof its.value)
      .toLowerCase()
      .normalize('NFC');
    // A capital at the start of a sentence makes the tagger say PROPN ("Deliveries were late");
    // elsewhere a proper noun is a name and keeps its form ("Christmas").
    const noun = pos === 'NOUN' || (pos === 'PROPN' && sentenceStart);
    sentenceStart = pos === 'PUNCT' && /^[.!?]+$/u.test(value);
    tokens.push({
      pos,
      base: noun ? nounBase(lower, lemma) : pos === 'PROPN' ? lower : lemma,
      stop: Boolean(token.out(its.stopWordFlag)),
      start,
      end,
      gap: start - offset,
    });
    offset = end;
  });
  return tokens;
}

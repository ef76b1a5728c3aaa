import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { KeyPhrase } from '../types.ts';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

const HEAD = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);
const MAX_WORDS = 4;

/**
 * First version: noun phrases (adjectives and nouns ending in a noun) from wink-nlp's tagger,
 * lemmatised and lower-cased, with offsets rebuilt from the tokens' preceding spaces.
 */
export function extractKeyPhrases(text: string): KeyPhrase[] {
  const doc = nlp.readDoc(text);
  const tokens: { pos: string; lemma: string; stop: boolean; start: number; end: number }[] = [];
  let offset = 0;
  doc.tokens().each((token: ItemToken) => {
    const value = token.out();
    offset += token.out(its.precedingSpaces).length;
    const start = text.indexOf(value, offset);
    const at = start >= 0 ? start : offset;
    tokens.push({
      pos: token.out(its.pos),
      // The typings give lemma an extra parameter that `out` does not accept; it returns a string.
      lemma: token.out(its.lemma as unknown as typeof its.value).toLowerCase(),
      stop: Boolean(token.out(its.stopWordFlag)),
      start: at,
      end: at + value.length,
    });
    offset = at + value.length;
  });
  const phrases: KeyPhrase[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    while (run.length > 0 && !HEAD.has(run[run.length - 1]!.pos)) run.pop();
    const words = run.filter((token) => !token.stop).slice(-MAX_WORDS);
    if (words.length > 0)
      phrases.push({
        phrase: words.map((token) => token.lemma).join(' '),
        start: words[0]!.start,
        end: words[words.length - 1]!.end,
      });
    run = [];
  };
  for (const token of tokens) {
    if (MODIFIER.has(token.pos)) run.push(token);
    else flush();
  }
  flush();
  return phrases;
}

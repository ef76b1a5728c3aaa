import { EMOJI_VALENCE } from './emoji.ts';
import { EMOTICONS, lookupWord, PHRASES, type Entry } from './lexicon.ts';
import { Kind, type Token } from './tokenizer.ts';
import { RULES } from './tuning.ts';

/**
 * A sentence's tokens read as items: a phrase or a word with its lexicon entry, an emoji or
 * emoticon with its valence, a clause boundary, or a quote mark. Items live in parallel arrays
 * reused across calls (analysis is synchronous), so reading a sentence allocates nothing.
 */
export const ItemKind = { Lexical: 0, Face: 1, Boundary: 2, Quote: 3 } as const;

export const items = {
  count: 0,
  kind: [] as number[],
  /** First and last token of the item. */
  first: [] as number[],
  last: [] as number[],
  entry: [] as (Entry | null)[],
  /** Valence of an emoji or emoticon. */
  face: [] as number[],
};

const keys: string[] = [];

function push(kind: number, first: number, last: number, entry: Entry | null, face: number) {
  const at = items.count;
  items.kind[at] = kind;
  items.first[at] = first;
  items.last[at] = last;
  items.entry[at] = entry;
  items.face[at] = face;
  items.count = at + 1;
}

/** Reads tokens [from, to) into `items`, longest phrase first at each word. */
export function readItems(tokens: readonly Token[], from: number, to: number): number {
  keys.length = 0;
  for (let t = from; t < to; t += 1) {
    const token = tokens[t]!;
    // Punctuation gets an empty key, which no phrase contains: phrases never cross it.
    keys.push(token.kind === Kind.Word || token.kind === Kind.Number ? token.key : '');
  }
  items.count = 0;
  let t = from;
  while (t < to) {
    const token = tokens[t]!;
    if (token.kind === Kind.Word || token.kind === Kind.Number) {
      const phrase = PHRASES.match(keys, t - from, to - from);
      if (phrase) {
        push(ItemKind.Lexical, t, t + phrase.length - 1, phrase.value as Entry, 0);
        t += phrase.length;
        continue;
      }
      const entry = lookupWord(token.key) ?? null;
      push(ItemKind.Lexical, t, t, entry, 0);
    } else if (token.kind === Kind.Emoji) {
      push(ItemKind.Face, t, t, null, EMOJI_VALENCE.get(token.code) ?? 0);
    } else if (token.kind === Kind.Emoticon) {
      push(ItemKind.Face, t, t, null, EMOTICONS.valence(token.key));
    } else if (token.kind === Kind.Quote) {
      push(ItemKind.Quote, t, t, null, 0);
    } else {
      push(ItemKind.Boundary, t, t, null, 0);
    }
    t += 1;
  }
  return items.count;
}

/** After a very long sentence, lets the scratch arrays go rather than hold them for ever. */
export function releaseItems(): void {
  if (items.kind.length <= KEEP_ITEMS) return;
  for (const array of [items.kind, items.first, items.last, items.entry, items.face, keys]) {
    array.length = 0;
  }
}
const KEEP_ITEMS = 4096;

/** Degree words up to three items back in the same clause ("really not very helpful"). */
export function applyDegree(valence: number, i: number, clauseStart: number): number {
  let result = valence;
  for (let back = 1; back <= 3; back += 1) {
    const j = i - back;
    if (j < clauseStart || items.kind[j] !== ItemKind.Lexical) break;
    const degree = items.entry[j]?.degree ?? 0;
    if (degree === 0) continue;
    const scaled = degree * RULES.degreeDecay[back - 1]!;
    if (degree > 0) result += result > 0 ? scaled : -scaled;
    else result *= 1 + scaled;
  }
  return result;
}

/** The sentence holds a short quotation: praise beside it is suspect. */
export function hasShortQuote(count: number): boolean {
  for (let i = 0; i < count; i += 1) {
    if (items.kind[i] === ItemKind.Quote && findClosingQuote(i, count) > 0) return true;
  }
  return false;
}

/** A quote closed within five items marks a short quotation, read as possibly ironic. */
export function findClosingQuote(open: number, count: number): number {
  for (let j = open + 2; j < count && j <= open + 5; j += 1) {
    if (items.kind[j] === ItemKind.Quote) return j;
  }
  return -1;
}

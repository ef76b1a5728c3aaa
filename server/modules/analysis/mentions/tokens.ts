/** A word of the text: letters, digits and their combining marks, with its place. */
export interface Token {
  start: number;
  end: number;
  /** Lower case without accents ("José" → "jose"): the form names are matched on. */
  key: string;
  /** Starts with an upper-case letter, as names are written. */
  capitalised: boolean;
  /** Counts sentences (a break is . ! ? ; or a line end between words); cues stay inside one. */
  sentence: number;
  /** Only a space, hyphen, apostrophe or ampersand separates it from the previous word. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}/gu;
const SENTENCE_BREAK = /[.!?;\n\r…]/;
/** What may stand between two words of one name: "Acme Support", "AT&T", "O'Brien", "e-Pay". */
const JOINING_GAP = /^(?:[ \t\u00a0]{1,3}|[-'’&_/][ \t]?|[ \t][-&][ \t])$/;

/** The matching form of a word: lower case, accents and combining marks (zalgo) removed. */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Splits a name or alias into word keys the way text is split, so both meet in the middle. */
export function nameKeys(name: string): string[] {
  return Array.from(name.matchAll(WORD), (match) => foldWord(match[0])).filter(Boolean);
}

/**
 * The words of a text in one linear pass. Gaps are looked at once each, so a megabyte of
 * punctuation or spaces costs no more than reading it.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    if (tokens.length > 0 && SENTENCE_BREAK.test(gap)) sentence += 1;
    const first = match[0][0]!;
    tokens.push({
      start,
      end: start + match[0].length,
      key: foldWord(match[0]),
      capitalised: first !== first.toLowerCase(),
      sentence,
      joined: tokens.length > 0 && JOINING_GAP.test(gap),
    });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** The character before a token's start ('' at the start of the text). */
export const charBefore = (text: string, index: number): string =>
  index > 0 ? text[index - 1]! : '';

const WORD_CHAR = /[\p{L}\p{N}._%+-]/u;

/**
 * '#acme' and '@AcmeSupport' are tags; 'support@acme.com' is an address, whose words are not
 * mentions (and its local part is not a handle).
 */
export function tagOf(text: string, token: Token): 'tag' | 'email' | 'plain' {
  const before = charBefore(text, token.start);
  if (text[token.end] === '@' && WORD_CHAR.test(text[token.end + 1] ?? '')) return 'email';
  if (before !== '#' && before !== '@') return 'plain';
  return WORD_CHAR.test(charBefore(text, token.start - 1)) ? 'email' : 'tag';
}

/** Splits a tag into its words: "AcmeSupport" → ["acme", "support"], "acme2go" → ["acme", "2", "go"]. */
export function tagParts(word: string): string[] {
  return Array.from(word.matchAll(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|\p{L}+/gu), (match) =>
    foldWord(match[0]),
  );
}

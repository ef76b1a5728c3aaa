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

/** Word characters outside ASCII, looked up once per code unit and remembered. */
const WORD_CHAR_CACHE = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not
const UNICODE_WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** How many code units the word character at `index` takes (2 for a pair), or 0 if it is none. */
function wordCharWidth(text: string, index: number, code: number): number {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
      ? 1
      : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
    return UNICODE_WORD_CHAR.test(text.slice(index, index + 2)) ? 2 : 0;
  }
  let known = WORD_CHAR_CACHE[code]!;
  if (known === 0) {
    known = UNICODE_WORD_CHAR.test(text[index]!) ? 1 : 2;
    WORD_CHAR_CACHE[code] = known;
  }
  return known === 1 ? 1 : 0;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'jr', 'sr', 'vs']);

/** . ! ? ; … and line ends close a sentence for the purpose of cues. */
const isSentenceBreak = (code: number) =>
  code === 46 ||
  code === 33 ||
  code === 63 ||
  code === 59 ||
  code === 10 ||
  code === 13 ||
  code === 0x2026;

/**
 * The words of a text in one linear pass over its code units (a character-class regex per word
 * was five times slower on a megabyte of prose). Each gap is looked at once.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let sentence = 0;
  let gapStart = 0;
  let broke = false;
  let dots = 0;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    let width = wordCharWidth(text, index, code);
    if (width === 0) {
      if (isSentenceBreak(code)) broke = true;
      if (code === 46) dots += 1;
      index += 1;
      continue;
    }
    const start = index;
    let ascii = code < 128;
    while (width > 0) {
      index += width;
      const next = text.charCodeAt(index);
      if (next >= 128) ascii = false;
      width = index < length ? wordCharWidth(text, index, next) : 0;
    }
    const previous = tokens[tokens.length - 1];
    // "Mr. Patel", "Dr. Lee": the dot of an abbreviation does not end the sentence.
    const abbreviation = dots === 1 && previous !== undefined && ABBREVIATIONS.has(previous.key);
    if (broke && previous && !(abbreviation && start - gapStart <= 2)) sentence += 1;
    const word = text.slice(start, index);
    tokens.push({
      start,
      end: index,
      key: ascii ? word.toLowerCase() : foldWord(word),
      capitalised:
        code >= 65 && code <= 90 ? true : code >= 128 && word[0] !== word[0]!.toLowerCase(),
      sentence,
      joined:
        tokens.length > 0 && start - gapStart <= 4 && JOINING_GAP.test(text.slice(gapStart, start)),
    });
    broke = false;
    dots = 0;
    gapStart = index;
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

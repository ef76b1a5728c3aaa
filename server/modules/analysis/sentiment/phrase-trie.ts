/**
 * Multi-word phrases as a trie over lower-cased words, matched longest-first at each word. Two
 * wildcards: `#` a quantity ("3", "three", "an"), `*` any one word. Patterns are expanded once
 * at load (see `expandPattern`), so matching is a walk of at most a few Map lookups per word.
 */

interface Node<T> {
  next: Map<string, Node<T>> | null;
  value: T | null;
}

export const QUANTITY = '#';
export const ANY = '*';

export interface PhraseMatch<T> {
  value: T;
  /** Number of words matched. */
  length: number;
}

export class PhraseTrie<T = unknown> {
  private readonly root: Node<T> = { next: null, value: null };
  /** Longest phrase in words, which bounds every match. */
  maxLength = 0;

  constructor(private readonly quantityWords: ReadonlySet<string>) {}

  add(pattern: string, value: T): void {
    for (const words of expandPattern(pattern)) {
      let node = this.root;
      for (const word of words) {
        node.next ??= new Map();
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: null, value: null }));
        node = child;
      }
      // A later pattern (ours) overrides an earlier one (VADER's) for the same words.
      node.value = value;
      this.maxLength = Math.max(this.maxLength, words.length);
    }
  }

  /** Written in digits ("3", "24"), or a word for a number ("three", "an"). */
  private isQuantity(word: string): boolean {
    const c = word.charCodeAt(0);
    return (c >= 48 && c <= 57) || this.quantityWords.has(word);
  }

  /**
   * The longest phrase of two or more words starting at `words[from]`, not reaching `to`.
   * Exploration is bounded by the pattern depth and three branches per word.
   */
  match(words: readonly string[], from: number, to: number): PhraseMatch<T> | null {
    const root = this.root.next;
    const first = root?.get(words[from]!);
    const quantity = this.isQuantity(words[from]!) ? root?.get(QUANTITY) : undefined;
    if (!first && !quantity) return null;
    this.bestValue = null;
    this.bestLength = 0;
    if (first) this.walk(first, words, from, from + 1, to);
    if (quantity) this.walk(quantity, words, from, from + 1, to);
    return this.bestValue === null ? null : { value: this.bestValue, length: this.bestLength };
  }

  // The walk's best match so far; fields rather than a closure keep matching allocation-free.
  private bestValue: T | null = null;
  private bestLength = 0;

  private walk(node: Node<T>, words: readonly string[], from: number, index: number, to: number) {
    if (node.value !== null && index - from >= 2 && index - from > this.bestLength) {
      this.bestValue = node.value;
      this.bestLength = index - from;
    }
    if (!node.next || index >= to) return;
    const word = words[index]!;
    const exact = node.next.get(word);
    if (exact) this.walk(exact, words, from, index + 1, to);
    const quantity = node.next.get(QUANTITY);
    if (quantity && this.isQuantity(word)) this.walk(quantity, words, from, index + 1, to);
    const any = node.next.get(ANY);
    if (any) this.walk(any, words, from, index + 1, to);
  }
}

/**
 * "(a|b c) [x] y" → [["a","y"], ["a","x","y"], ["b","c","y"], ["b","c","x","y"]]; words with
 * "n't" also appear without the apostrophe ("dont").
 */
export function expandPattern(pattern: string): string[][] {
  let results: string[][] = [[]];
  let i = 0;
  const append = (options: string[][]) => {
    const next: string[][] = [];
    for (const prefix of results) for (const option of options) next.push([...prefix, ...option]);
    results = next;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === ' ') {
      i += 1;
    } else if (c === '(' || c === '[') {
      const close = pattern.indexOf(c === '(' ? ')' : ']', i);
      if (close < 0) throw new Error(`Unclosed group in phrase pattern "${pattern}"`);
      const options = pattern
        .slice(i + 1, close)
        .split('|')
        .map((option) => option.trim().split(/\s+/).filter(Boolean));
      if (c === '[') options.push([]);
      append(options);
      i = close + 1;
    } else {
      let end = i;
      while (end < pattern.length && !' ([)]'.includes(pattern[end]!)) end += 1;
      append([[pattern.slice(i, end)]]);
      i = end;
    }
  }
  const unique = new Map<string, string[]>();
  for (const words of results) {
    for (const variant of apostropheVariants(words)) unique.set(variant.join(' '), variant);
  }
  return [...unique.values()].filter((words) => words.length > 0);
}

function apostropheVariants(words: string[]): string[][] {
  let variants: string[][] = [[]];
  for (const word of words) {
    const forms = word.includes("'") ? [word, word.replaceAll("'", '')] : [word];
    variants = variants.flatMap((prefix) => forms.map((form) => [...prefix, form]));
  }
  return variants;
}

/**
 * Which of the brand's names, competitors' names and keywords a text mentions. Case-insensitive,
 * on word boundaries (so "Acme" matches "acme's" but not "Acmetric"), each name through any of its
 * aliases. Names are escaped before they become patterns, so a name can never be a regular
 * expression of its own (no injection, no catastrophic backtracking).
 */

export interface NamedTerm {
  name: string;
  aliases?: string[] | undefined;
}

export interface TermSet {
  brands: NamedTerm[];
  competitors: NamedTerm[];
  keywords: string[];
}

export interface Matches {
  brands: string[];
  competitors: string[];
  keywords: string[];
}

interface CompiledTerm {
  name: string;
  pattern: RegExp;
}

export interface CompiledTerms {
  brands: CompiledTerm[];
  competitors: CompiledTerm[];
  keywords: CompiledTerm[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One pattern per name, alternating its spellings; whitespace inside a name matches any run of it. */
function compile(name: string, spellings: string[]): CompiledTerm {
  const alternatives = [...new Set(spellings.map((s) => s.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.split(/\s+/).map(escape).join('\\s+'));
  return {
    name,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`,
      'iu',
    ),
  };
}

export function compileTerms(terms: TermSet): CompiledTerms {
  const named = (list: NamedTerm[]) =>
    list.map((term) => compile(term.name, [term.name, ...(term.aliases ?? [])]));
  return {
    brands: named(terms.brands),
    competitors: named(terms.competitors),
    keywords: terms.keywords.map((keyword) => compile(keyword, [keyword])),
  };
}

export function matchTerms(compiled: CompiledTerms, text: string): Matches {
  const found = (list: CompiledTerm[]) =>
    list.filter((term) => term.pattern.test(text)).map((term) => term.name);
  return {
    brands: found(compiled.brands),
    competitors: found(compiled.competitors),
    keywords: found(compiled.keywords),
  };
}

export function mentionsAnything(matches: Matches): boolean {
  return matches.brands.length + matches.competitors.length + matches.keywords.length > 0;
}

import type { TermWeights } from './vectors.ts';

export interface NamingInput {
  size: number;
  /** Whole key phrases of the theme's items: in how many items each occurs. */
  phraseCounts: ReadonlyMap<string, number>;
  terms: TermWeights;
}

export interface ThemeName {
  name: string;
  /** The phrases that best describe the theme, best first. */
  phrases: string[];
}

const TOP_PHRASES = 8;
/** Below this share of its items, a phrase does not describe the theme well enough to name it. */
const MIN_COVERAGE = 0.05;
const LONGER_PHRASE_SHARE = 0.6;

/**
 * Readable names from each theme's own phrases: the phrase that is frequent in the theme and
 * rare elsewhere, preferring a longer phrase when it is nearly as common ("delivery delay" over
 * "delivery"). Themes that share their strongest word are sub-topics of it and are named
 * "parent: child" ("billing: double charge", "billing: refund"). Names are made unique.
 */
export function nameThemes(
  themes: readonly NamingInput[],
  phraseTotals: ReadonlyMap<string, number>,
): ThemeName[] {
  const named = themes.map((theme) => rankPhrases(theme, phraseTotals));
  const parents = themes.map((theme) => strongestWord(theme.terms));
  const parentUse = new Map<string, number>();
  for (const parent of parents) {
    if (parent) parentUse.set(parent, (parentUse.get(parent) ?? 0) + 1);
  }
  const names = named.map((phrases, index) => {
    const best = phrases[0] ?? strongestTerm(themes[index]!.terms) ?? 'other';
    const parent = parents[index];
    const shared = parent !== undefined && (parentUse.get(parent) ?? 0) > 1;
    return shared && !best.split(' ').includes(parent) ? `${parent}: ${best}` : best;
  });
  return uniqueNames(names, named).map((name, index) => ({ name, phrases: named[index]! }));
}

function rankPhrases(theme: NamingInput, totals: ReadonlyMap<string, number>): string[] {
  const scored: Array<[string, number]> = [];
  for (const [phrase, count] of theme.phraseCounts) {
    const coverage = count / Math.max(1, theme.size);
    if (coverage < MIN_COVERAGE && count < 3) continue;
    const distinct = count / Math.max(count, totals.get(phrase) ?? count);
    scored.push([phrase, coverage * Math.sqrt(distinct)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top] = scored;
  if (top) {
    // A longer phrase that contains the best one and is nearly as strong says more.
    const words = top[0].split(' ');
    const longer = scored.find(
      ([phrase, score]) =>
        score >= top[1] * LONGER_PHRASE_SHARE &&
        phrase.split(' ').length > words.length &&
        words.every((word) => phrase.split(' ').includes(word)),
    );
    if (longer) {
      scored.splice(scored.indexOf(longer), 1);
      scored.unshift(longer);
    }
  }
  return scored.slice(0, TOP_PHRASES).map(([phrase]) => phrase);
}

/** The heaviest single word of a centroid: what the theme is about at the coarsest level. */
function strongestWord(terms: TermWeights): string | undefined {
  let best: string | undefined;
  let weight = 0;
  for (const term in terms) {
    if (!term.includes(' ') && terms[term]! > weight) {
      best = term;
      weight = terms[term]!;
    }
  }
  return best;
}

function strongestTerm(terms: TermWeights): string | undefined {
  return Object.entries(terms).sort((a, b) => b[1] - a[1])[0]?.[0];
}

function uniqueNames(names: string[], phrases: string[][]): string[] {
  const seen = new Map<string, number>();
  for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  const taken = new Set<string>();
  return names.map((name, index) => {
    let unique = name;
    if ((seen.get(name) ?? 0) > 1) {
      const extra = phrases[index]!.find((phrase) => !name.includes(phrase));
      if (extra) unique = `${name} (${extra})`;
    }
    let suffix = 2;
    const base = unique;
    while (taken.has(unique)) unique = `${base} ${suffix++}`;
    taken.add(unique);
    return unique;
  });
}

import type { StaffTerms } from './recluster.ts';
import { applyStaffTerms, blendCentroids, itemFeatures, type TermWeights } from './vectors.ts';

/**
 * What staff edits do to centroids. They are recorded as staff terms as well, so that the next
 * re-clustering (see recluster.ts) reproduces them instead of undoing them.
 */

export interface ThemeShape {
  terms: TermWeights;
  staffTerms: StaffTerms;
  /** Items in the theme, to weigh the blend of a merge. */
  size: number;
}

/** Theme `from` merged into `into`: the survivor's centroid blends both; staff terms join. */
export function mergeShapes(from: ThemeShape, into: ThemeShape): Omit<ThemeShape, 'size'> {
  const staffTerms = {
    include: unique([...into.staffTerms.include, ...from.staffTerms.include]),
    exclude: unique([...into.staffTerms.exclude, ...from.staffTerms.exclude]).filter(
      (phrase) => !into.staffTerms.include.includes(phrase),
    ),
  };
  const terms = blendCentroids([
    { terms: into.terms, size: into.size },
    { terms: from.terms, size: from.size },
  ]);
  return { terms: applyStaffTerms(terms, staffTerms), staffTerms };
}

export interface SplitShapes {
  /** The theme the phrases left: they are excluded from it from now on. */
  remaining: Omit<ThemeShape, 'size'>;
  /** The new theme: defined by the moved phrases, which it keeps across re-clustering. */
  created: Omit<ThemeShape, 'size'>;
}

/**
 * Phrases moved out of a theme into a new one. The new theme's centroid is the moved phrases
 * (with the weights they had, or a phrase's own features when it was not a centroid term).
 */
export function splitShape(
  theme: Omit<ThemeShape, 'size'>,
  phrases: readonly string[],
): SplitShapes {
  const moved = unique(phrases.map((phrase) => phrase.trim().toLowerCase()).filter(Boolean));
  const remainingStaff = {
    include: theme.staffTerms.include.filter((phrase) => !moved.includes(phrase)),
    exclude: unique([...theme.staffTerms.exclude, ...moved]),
  };
  const seed = new Map<string, number>();
  for (const phrase of moved) {
    for (const [term, weight] of itemFeatures([phrase])) {
      seed.set(term, Math.max(seed.get(term) ?? 0, (theme.terms[phrase] ?? 0.5) * weight));
    }
  }
  const createdStaff = { include: moved, exclude: [] };
  return {
    remaining: { terms: applyStaffTerms(theme.terms, remainingStaff), staffTerms: remainingStaff },
    created: {
      terms: applyStaffTerms(Object.fromEntries(seed), createdStaff),
      staffTerms: createdStaff,
    },
  };
}

/** A name for a theme made from phrases, in the style of generated names. */
export function nameFromPhrases(phrases: readonly string[]): string {
  return phrases.slice(0, 2).join(', ') || 'new theme';
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

import { DEFAULT_ASSIGN_THRESHOLD } from './cluster.ts';
import { itemFeatures, similarity, type TermWeights } from './vectors.ts';

export interface ThemeCentroid {
  id: string;
  /** The stored centroid (`themes.terms`). */
  terms: TermWeights;
}

export interface ThemeAssignment {
  themeId: string;
  /** Cosine between the item and the theme, 0..1. */
  weight: number;
}

export interface AssignOptions {
  /** Least cosine for an item to belong to a theme (the clustering's own threshold by default). */
  threshold?: number;
  /** A second or third theme must score at least this share of the best one. */
  relative?: number;
  /** Most themes one item gets. */
  limit?: number;
}

/**
 * The themes a new item belongs to, from its key phrases and the stored centroids, without
 * re-clustering: the same sparse cosine the clustering uses, so an item lands where the next
 * re-clustering would most likely put it. An item about two subjects ("late delivery and rude
 * courier") may get two or three themes; one that fits none gets none (unassigned is fine).
 */
export function assignThemes(
  keyPhrases: ReadonlyArray<string | { phrase: string }>,
  themes: readonly ThemeCentroid[],
  options: AssignOptions = {},
): ThemeAssignment[] {
  const features = itemFeatures(
    keyPhrases.map((entry) => (typeof entry === 'string' ? entry : entry.phrase)),
  );
  if (features.size === 0) return [];
  const threshold = options.threshold ?? DEFAULT_ASSIGN_THRESHOLD;
  const scored = themes
    .map((theme) => ({ themeId: theme.id, weight: similarity(features, theme.terms) }))
    .filter((entry) => entry.weight >= threshold)
    .sort((a, b) => b.weight - a.weight || (a.themeId < b.themeId ? -1 : 1));
  const best = scored[0]?.weight ?? 0;
  return scored
    .filter((entry) => entry.weight >= best * (options.relative ?? 0.6))
    .slice(0, options.limit ?? 3)
    .map((entry) => ({ themeId: entry.themeId, weight: Math.round(entry.weight * 1e4) / 1e4 }));
}

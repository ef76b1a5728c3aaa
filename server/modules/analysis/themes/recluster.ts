import { randomUUID } from 'node:crypto';
import { assignThemes } from './assign.ts';
import { clusterItems, type ClusterOptions, type FoundTheme, type ThemeItem } from './cluster.ts';
import {
  applyStaffTerms,
  blendCentroids,
  centroidSimilarity,
  type TermWeights,
} from './vectors.ts';

export type StaffTerms = { include: string[]; exclude: string[] };

/** A theme as stored, with what staff did to it. */
export interface ExistingTheme {
  id: string;
  name: string;
  nameLocked: boolean;
  pinned: boolean;
  status: 'active' | 'merged' | 'archived';
  mergedInto: string | null;
  terms: TermWeights;
  staffTerms: StaffTerms;
  /** Items staff placed in this theme by hand; a theme with any is kept. */
  staffItems: number;
}

export interface PlannedTheme {
  id: string;
  isNew: boolean;
  name: string;
  terms: TermWeights;
  phrases: string[];
  /** Items whose best theme this is. */
  size: number;
}

export interface ReclusterPlan {
  /** The active themes after re-clustering. */
  themes: PlannedTheme[];
  /** Themes that were active and dissolved. */
  archived: string[];
  assignments: Array<{ itemId: string; themeId: string; weight: number }>;
  unassigned: number;
}

export interface ReclusterOptions extends ClusterOptions {
  /** Least centroid cosine for a new cluster to continue an existing theme (keep its id). */
  matchThreshold?: number;
  newId?: () => string;
  /** Most items clustered; beyond it an evenly spread sample is clustered and all are assigned. */
  sampleSize?: number;
}

const DEFAULT_MATCH_THRESHOLD = 0.3;
const DEFAULT_SAMPLE_SIZE = 100_000;
const MAX_MERGE_HOPS = 20;

/**
 * A fresh clustering reconciled with the themes staff have shaped:
 * - a new cluster continues the existing theme whose centroid it overlaps most (one to one,
 *   most similar pair first), so ids, links and history stay where a theme persists;
 * - a cluster matching a merged theme lands in the theme it was merged into (merges stay);
 * - renamed (name-locked) and pinned themes keep their names; pinned ones keep their terms and
 *   survive even when no cluster matches, as do themes with staff-included phrases (splits) or
 *   items staff placed by hand;
 * - phrases staff moved out of a theme (split) stay out of it, and moved-in ones stay in;
 * then every item is assigned to the resulting centroids, so the edits decide where items go.
 * Above `sampleSize` items, an even sample is clustered and every item assigned.
 */
export function reclusterThemes(
  items: readonly ThemeItem[],
  existing: readonly ExistingTheme[],
  options: ReclusterOptions = {},
): ReclusterPlan {
  const fresh = clusterItems(
    evenSample(items, options.sampleSize ?? DEFAULT_SAMPLE_SIZE),
    options,
  ).themes;
  const byId = new Map(existing.map((theme) => [theme.id, theme]));
  const effective = new Map(
    existing.map((theme) => [theme.id, applyStaffTerms(theme.terms, theme.staffTerms)]),
  );
  const targets = matchClusters(fresh, existing, effective, options, byId);
  const groups = new Map<string, FoundTheme[]>();
  const newId = options.newId ?? randomUUID;
  fresh.forEach((cluster, index) => {
    const id = targets[index] ?? newId();
    groups.set(id, [...(groups.get(id) ?? []), cluster]);
  });
  const planned: PlannedTheme[] = [];
  for (const [id, clusters] of groups) {
    planned.push(plannedTheme(id, clusters, byId.get(id), effective.get(id)));
  }
  for (const theme of existing) {
    if (theme.status !== 'active' || groups.has(theme.id) || !isStaffShaped(theme)) continue;
    planned.push({
      id: theme.id,
      isNew: false,
      name: theme.name,
      terms: effective.get(theme.id)!,
      phrases: theme.staffTerms.include,
      size: 0,
    });
  }
  return finish(items, existing, dedupeNames(planned, byId), options);
}

/**
 * Every k-th item, so the clustering's cost is bounded however large the window; themes large
 * enough to matter are in any even sample, and every item is still assigned afterwards.
 */
function evenSample<T>(items: readonly T[], size: number): readonly T[] {
  if (items.length <= size) return items;
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)]!);
}

function isStaffShaped(theme: ExistingTheme): boolean {
  return theme.pinned || theme.staffTerms.include.length > 0 || theme.staffItems > 0;
}

/** The existing theme each cluster continues (resolved through merges), or undefined. */
function matchClusters(
  fresh: readonly FoundTheme[],
  existing: readonly ExistingTheme[],
  effective: ReadonlyMap<string, TermWeights>,
  options: ReclusterOptions,
  byId: ReadonlyMap<string, ExistingTheme>,
): Array<string | undefined> {
  const threshold = options.matchThreshold ?? DEFAULT_MATCH_THRESHOLD;
  const pairs: Array<[number, string, number]> = [];
  fresh.forEach((cluster, index) => {
    for (const theme of existing) {
      const value = centroidSimilarity(cluster.terms, effective.get(theme.id)!);
      if (value >= threshold) pairs.push([index, theme.id, value]);
    }
  });
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const targets: Array<string | undefined> = fresh.map(() => undefined);
  const usedThemes = new Set<string>();
  for (const [index, themeId] of pairs) {
    if (targets[index] !== undefined || usedThemes.has(themeId)) continue;
    const resolved = resolveMerges(themeId, byId);
    if (!resolved) continue;
    usedThemes.add(themeId);
    targets[index] = resolved;
  }
  return targets;
}

/** Follows `mergedInto` to the theme that absorbed this one; undefined for a broken chain. */
export function resolveMerges(
  id: string,
  byId: ReadonlyMap<string, ExistingTheme>,
): string | undefined {
  let theme = byId.get(id);
  for (let hop = 0; theme && hop < MAX_MERGE_HOPS; hop += 1) {
    if (theme.status !== 'merged') return theme.id;
    theme = theme.mergedInto ? byId.get(theme.mergedInto) : undefined;
  }
  return undefined;
}

function plannedTheme(
  id: string,
  clusters: FoundTheme[],
  old: ExistingTheme | undefined,
  oldTerms: TermWeights | undefined,
): PlannedTheme {
  clusters.sort((a, b) => b.members.length - a.members.length);
  const largest = clusters[0]!;
  const phrases = [...new Set(clusters.flatMap((cluster) => cluster.phrases))];
  if (!old || !oldTerms) {
    return { id, isNew: true, name: largest.name, terms: largest.terms, phrases, size: 0 };
  }
  const blended = blendCentroids(
    clusters.map((cluster) => ({ terms: cluster.terms, size: cluster.members.length })),
  );
  const terms = old.pinned ? oldTerms : applyStaffTerms(blended, old.staffTerms);
  // An unlocked name is kept while it still describes the theme, so names do not churn nightly.
  const stillFits = phrases.slice(0, 5).some((phrase) => old.name.endsWith(phrase));
  const keepName = old.nameLocked || old.pinned || stillFits;
  return { id, isNew: false, name: keepName ? old.name : largest.name, terms, phrases, size: 0 };
}

/** Locked and pinned names win; a generated name that collides gets its next phrase added. */
function dedupeNames(
  planned: PlannedTheme[],
  byId: ReadonlyMap<string, ExistingTheme>,
): PlannedTheme[] {
  const fixed = (theme: PlannedTheme) => {
    const old = byId.get(theme.id);
    return Boolean(old && (old.nameLocked || old.pinned));
  };
  const taken = new Set(planned.filter(fixed).map((theme) => theme.name));
  for (const theme of planned) {
    if (fixed(theme)) continue;
    let name = theme.name;
    const extra = theme.phrases.find((phrase) => !name.includes(phrase));
    if (taken.has(name) && extra) name = `${name} (${extra})`;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${theme.name} ${suffix}`;
    taken.add(name);
    theme.name = name;
  }
  return planned;
}

function finish(
  items: readonly ThemeItem[],
  existing: readonly ExistingTheme[],
  planned: PlannedTheme[],
  options: ReclusterOptions,
): ReclusterPlan {
  const assignments: ReclusterPlan['assignments'] = [];
  const sizes = new Map<string, number>();
  let unassigned = 0;
  for (const item of items) {
    const found = assignThemes(item.phrases, planned, { threshold: options.assignThreshold });
    if (found.length === 0) unassigned += 1;
    else sizes.set(found[0]!.themeId, (sizes.get(found[0]!.themeId) ?? 0) + 1);
    for (const entry of found) assignments.push({ itemId: item.id, ...entry });
  }
  const byId = new Map(existing.map((theme) => [theme.id, theme]));
  const kept = planned
    .map((theme) => ({ ...theme, size: sizes.get(theme.id) ?? 0 }))
    .filter((theme) => {
      const old = byId.get(theme.id);
      return theme.size > 0 || (old !== undefined && isStaffShaped(old));
    });
  const keptIds = new Set(kept.map((theme) => theme.id));
  return {
    themes: kept,
    archived: existing
      .filter((theme) => theme.status === 'active' && !keptIds.has(theme.id))
      .map((theme) => theme.id),
    assignments: assignments.filter((entry) => keptIds.has(entry.themeId)),
    unassigned,
  };
}

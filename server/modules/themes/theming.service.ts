import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { assignThemes } from '../analysis/themes/assign.ts';
import { reclusterThemes, type ExistingTheme } from '../analysis/themes/recluster.ts';
import {
  DEFAULT_RECURRING_RULE,
  recurringState,
  weekStart,
  type RecurringRule,
} from '../analysis/themes/recurring.ts';
import type { TermWeights } from '../analysis/themes/vectors.ts';
import { negativeByWeek } from './theme-stats.repository.ts';
import * as repo from './themes.repository.ts';

/**
 * Automatic theming: placing new items in existing themes, re-clustering a workspace, and the
 * recurring-issue flag. Each runs in one transaction under the workspace's theme lock, so a
 * nightly re-clustering, an on-demand one and incremental assignment never interleave (batches
 * of incremental assignment share the lock and run side by side).
 */

/** Re-clustering reads the analysed feedback received in this many days. */
export const RECLUSTER_DAYS = 180;
/** With no themes yet, this many analysed items are enough to ask for a first clustering. */
export const FIRST_CLUSTERING_ITEMS = 50;

const DAY_MS = 86_400_000;

/** The sentiment of the item's aspects that belong to the theme, when the analysis found any. */
function aspectSentiment(item: repo.AnalysedItem, terms: TermWeights): number | null {
  const scores = item.aspects
    .filter((aspect) => terms[aspect.aspect] !== undefined)
    .map((aspect) => aspect.score);
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 1000) / 1000;
}

function linksFor(
  item: repo.AnalysedItem,
  assignments: Array<{ themeId: string; weight: number }>,
  termsById: ReadonlyMap<string, TermWeights>,
): repo.ThemeLink[] {
  return assignments.map((assignment) => ({
    feedbackId: item.feedbackId,
    themeId: assignment.themeId,
    weight: assignment.weight,
    source: 'auto' as const,
    sentimentScore: aspectSentiment(item, termsById.get(assignment.themeId) ?? {}),
  }));
}

export interface AssignResult {
  /** Analysed items looked at (items not analysed yet, or corrected by staff, are skipped). */
  items: number;
  links: number;
  /** The workspace has no themes yet. */
  noThemes: boolean;
}

/**
 * Places analysed items in the workspace's active themes by their key phrases (incremental; the
 * analysis pipeline calls this after storing results, passing what it just analysed). Idempotent: the items' automatic links
 * are replaced, staff links and staff-corrected items are left alone.
 */
export async function assignThemesToFeedback(
  db: Db,
  workspaceId: string,
  feedbackIds: string[],
  justAnalysed?: readonly repo.AnalysedItem[],
): Promise<AssignResult> {
  if (feedbackIds.length === 0) return { items: 0, links: 0, noThemes: false };
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await repo.lockThemes(txDb, workspaceId, 'shared');
    const active = await repo.listThemeRows(txDb, workspaceId, ['active']);
    const items = await placeableItems(txDb, workspaceId, feedbackIds, justAnalysed);
    const termsById = new Map(active.map((theme) => [theme.id, theme.terms]));
    const links = items.flatMap((item) =>
      linksFor(item, assignThemes(item.keyPhrases, active), termsById),
    );
    await repo.deleteAutoLinks(
      txDb,
      workspaceId,
      items.map((item) => item.feedbackId),
    );
    await repo.insertLinks(txDb, workspaceId, links);
    return { items: items.length, links: links.length, noThemes: active.length === 0 };
  });
}

/**
 * The items theming may place, with their key phrases and aspects: read back from the analysis
 * rows, or, for a batch just analysed in this transaction, taken from memory once the database
 * has said which of them are placeable.
 */
async function placeableItems(
  db: Db,
  workspaceId: string,
  feedbackIds: string[],
  justAnalysed: readonly repo.AnalysedItem[] | undefined,
): Promise<readonly repo.AnalysedItem[]> {
  if (!justAnalysed) return repo.analysedItemsByIds(db, workspaceId, feedbackIds);
  const placeable = await repo.placeableIds(db, workspaceId, feedbackIds);
  return justAnalysed.filter((item) => placeable.has(item.feedbackId));
}

export interface ReclusterResult {
  items: number;
  themes: number;
  created: number;
  archived: number;
  unassigned: number;
}

/**
 * Re-clusters the workspace from the analysed feedback of the last RECLUSTER_DAYS days, keeping
 * staff edits (see analysis/themes/recluster.ts), and rewrites themes and automatic links in one
 * transaction. Items outside the window keep their links unless their theme dissolved.
 */
export async function reclusterWorkspace(
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<ReclusterResult> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await repo.lockThemes(txDb, workspaceId);
    const since = new Date(now.getTime() - RECLUSTER_DAYS * DAY_MS);
    const items = await repo.analysedItemsSince(txDb, workspaceId, since);
    const rows = await repo.listThemeRows(txDb, workspaceId, ['active', 'merged', 'archived']);
    const staffItems = await repo.staffItemCounts(txDb, workspaceId);
    const existing: ExistingTheme[] = rows.map((row) => ({
      ...row,
      staffItems: staffItems.get(row.id) ?? 0,
    }));
    const plan = reclusterThemes(
      items.map((item) => ({
        id: item.feedbackId,
        phrases: item.keyPhrases.map((entry) => entry.phrase),
      })),
      existing,
      { newId: randomUUID },
    );
    for (const theme of plan.themes) {
      const values = { name: theme.name, terms: theme.terms, status: 'active' as const };
      if (theme.isNew) await repo.insertTheme(txDb, workspaceId, { id: theme.id, ...values });
      else await repo.updateTheme(txDb, workspaceId, theme.id, { ...values, mergedInto: null });
    }
    for (const id of plan.archived) {
      await repo.updateTheme(txDb, workspaceId, id, {
        status: 'archived',
        recurring: false,
        recurringSince: null,
      });
    }
    await repo.deleteLinksOfThemes(txDb, workspaceId, plan.archived);
    await repo.deleteAutoLinks(
      txDb,
      workspaceId,
      items.map((item) => item.feedbackId),
    );
    const byId = new Map(items.map((item) => [item.feedbackId, item]));
    const termsById = new Map(plan.themes.map((theme) => [theme.id, theme.terms]));
    const links = plan.assignments.map((assignment) => ({
      ...linksFor(byId.get(assignment.itemId)!, [assignment], termsById)[0]!,
    }));
    await repo.insertLinks(txDb, workspaceId, links);
    return {
      items: items.length,
      themes: plan.themes.length,
      created: plan.themes.filter((theme) => theme.isNew).length,
      archived: plan.archived.length,
      unassigned: plan.unassigned,
    };
  });
}

/**
 * Sets or clears the recurring-issue flag of each active theme from its negative volume per
 * week. Cases and actions do not exist yet; once they do, a theme with a linked action is cleared
 * here (pass it as `hasAction` to recurringState).
 */
export async function updateRecurringIssues(
  db: Db,
  workspaceId: string,
  now = new Date(),
  rule: RecurringRule = DEFAULT_RECURRING_RULE,
): Promise<{ recurring: number; changed: number }> {
  const since = new Date(weekStart(now).getTime() - (rule.windowWeeks - 1) * 7 * DAY_MS);
  const counts = await negativeByWeek(db, workspaceId, since);
  const active = await repo.listThemeRows(db, workspaceId, ['active']);
  let recurring = 0;
  let changed = 0;
  for (const theme of active) {
    const weeks = counts
      .filter((row) => row.themeId === theme.id)
      .map((row) => ({ weekStart: new Date(`${row.week}T00:00:00Z`), negative: row.negative }));
    const state = recurringState(weeks, now, {
      recurring: theme.recurring,
      since: theme.recurringSince,
    });
    if (state.recurring) recurring += 1;
    const same =
      state.recurring === theme.recurring &&
      state.since?.getTime() === theme.recurringSince?.getTime();
    if (same) continue;
    changed += 1;
    await repo.updateTheme(db, workspaceId, theme.id, {
      recurring: state.recurring,
      recurringSince: state.since,
    });
  }
  return { recurring, changed };
}

import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { assignThemes } from '../analysis/themes/assign.ts';
import { mergeShapes, nameFromPhrases, splitShape } from '../analysis/themes/edits.ts';
import { npsSummary } from '../feedback/nps.ts';
import * as stats from './theme-stats.repository.ts';
import { reclusterJob } from './themes.jobs.ts';
import * as repo from './themes.repository.ts';

/** The themes of feedback items by item id, for lists that show them (the inbox). */
export { themesOfItems } from './item-themes.repository.ts';

/** Reading themes with their figures, and the edits staff make to them. */

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const TOP_PHRASES = 8;
const BREAKDOWN_LIMIT = 5;
const QUOTES_PER_SIDE = 3;

export function windowOf(query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from >= to) {
    throw errors.invalid('The window is empty.', [
      { path: 'querystring.from', message: 'must be before `to`' },
    ]);
  }
  return { from, to };
}

/** Figures with their sample sizes: NPS with n and its 95 % interval, sentiment with n. */
function present(row: stats.StatsRow | undefined) {
  const counts = row ?? {
    volume: 0,
    negative: 0,
    sentimentCount: 0,
    sentimentAverage: null,
    promoters: 0,
    passives: 0,
    detractors: 0,
  };
  const nps = npsSummary(counts);
  const average = counts.sentimentAverage;
  return {
    volume: counts.volume,
    negative: counts.negative,
    negativeShare: counts.volume > 0 ? round(counts.negative / counts.volume) : null,
    sentiment: { average: average === null ? null : round(average), n: counts.sentimentCount },
    nps:
      nps.responses > 0
        ? { score: nps.nps, n: nps.responses, ciLow: nps.ciLow, ciHigh: nps.ciHigh }
        : { score: null, n: 0, ciLow: null, ciHigh: null },
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function presentTheme(row: repo.ThemeRow) {
  return {
    id: row.id,
    name: row.name,
    nameLocked: row.nameLocked,
    pinned: row.pinned,
    status: row.status,
    mergedInto: row.mergedInto,
    recurring: row.recurring,
    recurringSince: row.recurringSince,
    phrases: Object.entries(row.terms)
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_PHRASES)
      .map(([term]) => term),
    staffTerms: row.staffTerms,
    updatedAt: row.updatedAt,
  };
}

export async function listThemes(
  ctx: AppContext,
  workspaceId: string,
  query: { from?: string; to?: string; status: repo.ThemeStatus; recurring?: 'true' | 'false' },
) {
  const window = windowOf(query);
  const rows = await repo.listThemeRows(ctx.db, workspaceId, [query.status]);
  const figures = new Map(
    (await stats.statsByTheme(ctx.db, workspaceId, window)).map((row) => [row.themeId, row]),
  );
  const items = rows
    .filter(
      (row) => query.recurring === undefined || row.recurring === (query.recurring === 'true'),
    )
    .map((row) => ({ ...presentTheme(row), ...present(figures.get(row.id)) }))
    .sort((a, b) => b.volume - a.volume || a.name.localeCompare(b.name));
  return { ...window, items };
}

async function requireTheme(db: Db, workspaceId: string, themeId: string) {
  const theme = await repo.getThemeRow(db, workspaceId, themeId);
  if (!theme) throw errors.notFound('theme', themeId);
  return theme;
}

function requireActive(theme: repo.ThemeRow, path: string) {
  if (theme.status !== 'active') {
    throw errors.conflict(`Theme "${theme.name}" is ${theme.status}.`, [
      { path, message: 'the theme must be active' },
    ]);
  }
}

export async function getThemeDetail(
  ctx: AppContext,
  workspaceId: string,
  themeId: string,
  query: { from?: string; to?: string; bucket: 'day' | 'week' },
) {
  const theme = await requireTheme(ctx.db, workspaceId, themeId);
  const window = windowOf(query);
  const [figures] = (await stats.statsByTheme(ctx.db, workspaceId, window)).filter(
    (row) => row.themeId === themeId,
  );
  const series = await stats.themeSeries(ctx.db, workspaceId, themeId, window, query.bucket);
  const quotes = async (side: 'positive' | 'negative') =>
    (await stats.exampleQuotes(ctx.db, workspaceId, themeId, window, side, QUOTES_PER_SIDE)).map(
      (quote) => ({ ...quote, receivedAt: new Date(quote.receivedAt) }),
    );
  return {
    ...window,
    bucket: query.bucket,
    theme: { ...presentTheme(theme), ...present(figures) },
    series: series.map((row) => ({ period: row.period, ...present(row) })),
    touchpoints: await stats.topTouchpoints(ctx.db, workspaceId, themeId, window, BREAKDOWN_LIMIT),
    accounts: await stats.topAccounts(ctx.db, workspaceId, themeId, window, BREAKDOWN_LIMIT),
    quotes: { positive: await quotes('positive'), negative: await quotes('negative') },
  };
}

/** Runs a staff edit in one transaction under the workspace's theme lock. */
function edit<T>(ctx: AppContext, workspaceId: string, run: (db: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await repo.lockThemes(db, workspaceId);
    return run(db);
  });
}

/** Rename (the name then survives re-clustering) and pin or unpin. */
export function updateTheme(
  ctx: AppContext,
  workspaceId: string,
  themeId: string,
  patch: { name?: string; pinned?: boolean },
) {
  return edit(ctx, workspaceId, async (db) => {
    await requireTheme(db, workspaceId, themeId);
    const updated = await repo.updateTheme(db, workspaceId, themeId, {
      ...(patch.name === undefined ? {} : { name: patch.name, nameLocked: true }),
      ...(patch.pinned === undefined ? {} : { pinned: patch.pinned }),
    });
    return presentTheme(updated!);
  });
}

/**
 * A theme named by staff (e.g. the root cause of a case before clustering has found it). It is
 * pinned, its name locked and its phrases kept, so re-clustering keeps it as it is.
 */
export function createTheme(
  ctx: AppContext,
  workspaceId: string,
  input: { name: string; phrases: string[] },
) {
  const phrases = input.phrases.length > 0 ? input.phrases : [input.name.toLowerCase()];
  return edit(ctx, workspaceId, async (db) => {
    const created = await repo.insertTheme(db, workspaceId, {
      name: input.name,
      nameLocked: true,
      pinned: true,
      terms: Object.fromEntries(phrases.map((p) => [p, 1 / phrases.length])),
      staffTerms: { include: phrases, exclude: [] },
    });
    return presentTheme(created);
  });
}

/** Merges theme `themeId` into `intoId`: its items and centroid join the survivor. */
export function mergeTheme(ctx: AppContext, workspaceId: string, themeId: string, intoId: string) {
  if (themeId === intoId) {
    throw errors.invalid('A theme cannot be merged into itself.', [
      { path: 'body.intoThemeId', message: 'must be another theme' },
    ]);
  }
  return edit(ctx, workspaceId, async (db) => {
    const from = await requireTheme(db, workspaceId, themeId);
    const into = await requireTheme(db, workspaceId, intoId);
    requireActive(from, 'params.themeId');
    requireActive(into, 'body.intoThemeId');
    const sizes = await repo.themeSizes(db, workspaceId, [from.id, into.id]);
    const shape = mergeShapes(
      { ...from, size: sizes.get(from.id) ?? 0 },
      { ...into, size: sizes.get(into.id) ?? 0 },
    );
    await repo.moveLinks(db, workspaceId, from.id, into.id);
    await repo.repointMerged(db, workspaceId, from.id, into.id);
    await repo.updateTheme(db, workspaceId, from.id, {
      status: 'merged',
      mergedInto: into.id,
      recurring: false,
      recurringSince: null,
    });
    const merged = await repo.updateTheme(db, workspaceId, into.id, {
      ...shape,
      pinned: into.pinned || from.pinned,
    });
    return presentTheme(merged!);
  });
}

/**
 * Moves phrases out of a theme into a new one, and the theme's items that fit the new one better
 * with them. Both keep the change across re-clustering (staff terms).
 */
export function splitTheme(
  ctx: AppContext,
  workspaceId: string,
  themeId: string,
  body: { phrases: string[]; name?: string },
) {
  return edit(ctx, workspaceId, async (db) => {
    const theme = await requireTheme(db, workspaceId, themeId);
    requireActive(theme, 'params.themeId');
    const items = await repo.autoItemsOfTheme(db, workspaceId, themeId);
    const known = new Set([
      ...Object.keys(theme.terms),
      ...items.flatMap((item) => item.keyPhrases.map((entry) => entry.phrase)),
    ]);
    const missing = body.phrases.filter((phrase) => !known.has(phrase));
    if (missing.length === body.phrases.length) {
      throw errors.invalid('None of the phrases occurs in this theme.', [
        { path: 'body.phrases', message: `not in the theme: ${missing.slice(0, 5).join(', ')}` },
      ]);
    }
    const shapes = splitShape(theme, body.phrases);
    await repo.updateTheme(db, workspaceId, themeId, shapes.remaining);
    const created = await repo.insertTheme(db, workspaceId, {
      name: body.name ?? nameFromPhrases(shapes.created.staffTerms.include),
      nameLocked: body.name !== undefined,
      ...shapes.created,
    });
    const candidates = [
      { id: themeId, terms: shapes.remaining.terms },
      { id: created.id, terms: created.terms },
    ];
    for (const item of items) {
      const [best] = assignThemes(item.keyPhrases, candidates);
      if (best?.themeId === created.id) {
        await repo.moveLink(db, workspaceId, item.feedbackId, themeId, created.id, best.weight);
      }
    }
    return presentTheme(created);
  });
}

/** Queues a re-clustering of the workspace now (one per minute at most). */
export async function requestRecluster(ctx: AppContext, workspaceId: string) {
  const ids = await ctx.jobs.enqueueMany([
    reclusterJob(workspaceId, new Date().toISOString().slice(0, 16)),
  ]);
  return { queued: ids.length > 0 };
}

export async function feedbackThemes(ctx: AppContext, workspaceId: string, feedbackId: string) {
  if (!(await repo.feedbackExists(ctx.db, workspaceId, feedbackId))) {
    throw errors.notFound('feedback', feedbackId);
  }
  return { feedbackId, themes: await repo.linksOfFeedback(ctx.db, workspaceId, feedbackId) };
}

/**
 * Sets an item's themes by hand (staff links; an empty list clears them), recorded as a theme
 * correction. Automatic theming leaves a corrected item alone from then on.
 */
export async function setFeedbackThemes(
  ctx: AppContext,
  workspaceId: string,
  feedbackId: string,
  themeIds: string[],
  userId: string | null,
) {
  const wanted = [...new Set(themeIds)];
  await edit(ctx, workspaceId, async (db) => {
    if (!(await repo.feedbackExists(db, workspaceId, feedbackId))) {
      throw errors.notFound('feedback', feedbackId);
    }
    for (const [index, id] of wanted.entries()) {
      const theme = await repo.getThemeRow(db, workspaceId, id);
      if (!theme) throw errors.notFound('theme', id);
      requireActive(theme, `body.themeIds.${index}`);
    }
    const previous = await repo.linksOfFeedback(db, workspaceId, feedbackId);
    await repo.setStaffLinks(db, workspaceId, feedbackId, wanted, {
      previous: previous.map((link) => link.themeId),
      userId,
    });
  });
  return feedbackThemes(ctx, workspaceId, feedbackId);
}

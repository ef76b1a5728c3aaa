import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { analysisCorrections, feedbackThemes, themes } from '../../db/schema/index.ts';

/** Themes, their items, and the analysed feedback they are built from; always per workspace. */

export type ThemeRow = typeof themes.$inferSelect;
export type ThemeStatus = ThemeRow['status'];
export type ThemePatch = Partial<
  Pick<
    ThemeRow,
    | 'name'
    | 'nameLocked'
    | 'pinned'
    | 'status'
    | 'mergedInto'
    | 'terms'
    | 'staffTerms'
    | 'recurring'
    | 'recurringSince'
  >
>;

export interface ThemeLink {
  feedbackId: string;
  themeId: string;
  weight: number;
  source: 'auto' | 'staff';
  sentimentScore: number | null;
}

const BATCH = 1000;

/** `column = ANY(...)` over uuids passed as one JSON parameter (any count, both drivers). */
export const anyUuid = (values: Iterable<string>) =>
  sql`ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb)::uuid))`;

/**
 * The workspace's theme lock, held until the transaction ends. Re-clustering and staff edits
 * rewrite themes and links wholesale, so they take it exclusively. Incremental assignment only
 * reads the themes and rewrites its own items' links (conflict-safe), so concurrent analysis
 * batches take it shared: they exclude a re-clustering, not each other.
 */
export async function lockThemes(
  db: Db,
  workspaceId: string,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  const key = `themes:${workspaceId}`;
  if (mode === 'shared')
    await db.execute(sql`SELECT pg_advisory_xact_lock_shared(hashtext(${key}))`);
  else await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}

export function listThemeRows(db: Db, workspaceId: string, statuses: readonly ThemeStatus[]) {
  return db
    .select()
    .from(themes)
    .where(and(eq(themes.workspaceId, workspaceId), inArray(themes.status, [...statuses])))
    .orderBy(themes.name);
}

export async function getThemeRow(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, id)));
  return row;
}

export async function insertTheme(
  db: Db,
  workspaceId: string,
  theme: { id?: string } & Pick<ThemeRow, 'name' | 'terms'> & ThemePatch,
): Promise<ThemeRow> {
  const [row] = await db
    .insert(themes)
    .values({ ...theme, workspaceId })
    .returning();
  return row!;
}

export async function updateTheme(db: Db, workspaceId: string, id: string, patch: ThemePatch) {
  const [row] = await db
    .update(themes)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, id)))
    .returning();
  return row;
}

/** Themes merged into `from` follow it into `into`, so no chain points at a merged theme. */
export async function repointMerged(db: Db, workspaceId: string, from: string, into: string) {
  await db
    .update(themes)
    .set({ mergedInto: into, updatedAt: new Date() })
    .where(and(eq(themes.workspaceId, workspaceId), eq(themes.mergedInto, from)));
}

/** How many items staff placed in each theme by hand. */
export async function staffItemCounts(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ themeId: string; count: number }>(
    db,
    sql`SELECT theme_id AS "themeId", count(*)::int AS count FROM feedback_themes
        WHERE workspace_id = ${workspaceId} AND source = 'staff' GROUP BY theme_id`,
  );
  return new Map(rows.map((row) => [row.themeId, row.count]));
}

export async function themeSizes(db: Db, workspaceId: string, ids: string[]) {
  const rows = await queryRows<{ themeId: string; count: number }>(
    db,
    sql`SELECT theme_id AS "themeId", count(*)::int AS count FROM feedback_themes
        WHERE workspace_id = ${workspaceId} AND theme_id = ${anyUuid(ids)} GROUP BY theme_id`,
  );
  return new Map(rows.map((row) => [row.themeId, row.count]));
}

export interface AnalysedItem {
  feedbackId: string;
  keyPhrases: Array<{ phrase: string }>;
  aspects: Array<{ aspect: string; score: number }>;
}

const analysedColumns = sql`fa.feedback_id AS "feedbackId", fa.key_phrases AS "keyPhrases",
  fa.aspects AS aspects`;

/**
 * Analysed feedback whose key phrases ran (not marked not-analysed for its language) and whose
 * themes staff have not corrected by hand: the items automatic theming may place.
 */
const placeable = sql`NOT fa.not_analysed ? 'keyPhrases'
  AND NOT EXISTS (SELECT 1 FROM analysis_corrections c WHERE c.workspace_id = fa.workspace_id
                  AND c.feedback_id = fa.feedback_id AND c.field = 'theme')`;

export function analysedItemsSince(db: Db, workspaceId: string, since: Date) {
  return queryRows<AnalysedItem>(
    db,
    sql`SELECT ${analysedColumns} FROM feedback_analysis fa
        JOIN feedback f ON f.workspace_id = fa.workspace_id AND f.id = fa.feedback_id
        WHERE fa.workspace_id = ${workspaceId} AND f.received_at >= ${since.toISOString()}::timestamptz
          AND ${placeable}
        ORDER BY f.received_at, fa.feedback_id`,
  );
}

export function analysedItemsByIds(db: Db, workspaceId: string, feedbackIds: string[]) {
  return queryRows<AnalysedItem>(
    db,
    sql`SELECT ${analysedColumns} FROM feedback_analysis fa
        WHERE fa.workspace_id = ${workspaceId} AND fa.feedback_id = ${anyUuid(feedbackIds)}
          AND ${placeable}`,
  );
}

/** Which of these items automatic theming may place (see `placeable`), by id only. */
export async function placeableIds(db: Db, workspaceId: string, feedbackIds: string[]) {
  const rows = await queryRows<{ feedbackId: string }>(
    db,
    sql`SELECT fa.feedback_id AS "feedbackId" FROM feedback_analysis fa
        WHERE fa.workspace_id = ${workspaceId} AND fa.feedback_id = ${anyUuid(feedbackIds)}
          AND ${placeable}`,
  );
  return new Set(rows.map((row) => row.feedbackId));
}

/** Items automatically in a theme, with their key phrases (for a split). */
export function autoItemsOfTheme(db: Db, workspaceId: string, themeId: string) {
  return queryRows<AnalysedItem>(
    db,
    sql`SELECT ${analysedColumns} FROM feedback_themes ft
        JOIN feedback_analysis fa ON fa.workspace_id = ft.workspace_id
          AND fa.feedback_id = ft.feedback_id
        WHERE ft.workspace_id = ${workspaceId} AND ft.theme_id = ${themeId} AND ft.source = 'auto'`,
  );
}

/** Removes automatic links of these items (staff links stay). */
export async function deleteAutoLinks(db: Db, workspaceId: string, feedbackIds: string[]) {
  for (let start = 0; start < feedbackIds.length; start += BATCH) {
    await db.execute(
      sql`DELETE FROM feedback_themes WHERE workspace_id = ${workspaceId} AND source = 'auto'
            AND feedback_id = ${anyUuid(feedbackIds.slice(start, start + BATCH))}`,
    );
  }
}

export async function deleteLinksOfThemes(db: Db, workspaceId: string, themeIds: string[]) {
  if (themeIds.length === 0) return;
  await db.execute(
    sql`DELETE FROM feedback_themes WHERE workspace_id = ${workspaceId} AND source = 'auto'
          AND theme_id = ${anyUuid(themeIds)}`,
  );
}

/** Adds links; an existing link of the same item and theme (a staff one) is kept as it is. */
/** Stores links in one statement per thousand (a JSON record set: no per-value query building). */
export async function insertLinks(db: Db, workspaceId: string, links: ThemeLink[]) {
  for (let start = 0; start < links.length; start += BATCH) {
    await db.execute(
      sql`INSERT INTO feedback_themes (workspace_id, feedback_id, theme_id, weight, source, sentiment_score)
          SELECT ${workspaceId}::uuid, l."feedbackId", l."themeId", l.weight, l.source, l."sentimentScore"
          FROM jsonb_to_recordset(${JSON.stringify(links.slice(start, start + BATCH))}::jsonb)
            AS l("feedbackId" uuid, "themeId" uuid, weight real, source text, "sentimentScore" real)
          ON CONFLICT DO NOTHING`,
    );
  }
}

/** Moves every link of one theme to another (a merge); links the target has already stay. */
export async function moveLinks(db: Db, workspaceId: string, from: string, into: string) {
  await db.execute(
    sql`INSERT INTO feedback_themes (workspace_id, feedback_id, theme_id, weight, source, sentiment_score)
        SELECT workspace_id, feedback_id, ${into}, weight, source, sentiment_score FROM feedback_themes
        WHERE workspace_id = ${workspaceId} AND theme_id = ${from}
        ON CONFLICT DO NOTHING`,
  );
  await db.execute(
    sql`DELETE FROM feedback_themes WHERE workspace_id = ${workspaceId} AND theme_id = ${from}`,
  );
}

export async function moveLink(
  db: Db,
  workspaceId: string,
  feedbackId: string,
  from: string,
  into: string,
  weight: number,
) {
  await db
    .delete(feedbackThemes)
    .where(
      and(
        eq(feedbackThemes.workspaceId, workspaceId),
        eq(feedbackThemes.feedbackId, feedbackId),
        eq(feedbackThemes.themeId, from),
      ),
    );
  await insertLinks(db, workspaceId, [
    { feedbackId, themeId: into, weight, source: 'auto', sentimentScore: null },
  ]);
}

export function linksOfFeedback(db: Db, workspaceId: string, feedbackId: string) {
  return db
    .select({
      themeId: feedbackThemes.themeId,
      weight: feedbackThemes.weight,
      source: feedbackThemes.source,
      name: themes.name,
    })
    .from(feedbackThemes)
    .innerJoin(
      themes,
      and(
        eq(themes.workspaceId, feedbackThemes.workspaceId),
        eq(themes.id, feedbackThemes.themeId),
      ),
    )
    .where(
      and(eq(feedbackThemes.workspaceId, workspaceId), eq(feedbackThemes.feedbackId, feedbackId)),
    )
    .orderBy(themes.name);
}

/** Replaces an item's links with staff links and records the correction, in the caller's transaction. */
export async function setStaffLinks(
  db: Db,
  workspaceId: string,
  feedbackId: string,
  themeIds: string[],
  correction: { previous: string[]; userId: string | null },
) {
  await db
    .delete(feedbackThemes)
    .where(
      and(eq(feedbackThemes.workspaceId, workspaceId), eq(feedbackThemes.feedbackId, feedbackId)),
    );
  await insertLinks(
    db,
    workspaceId,
    themeIds.map((themeId) => ({
      feedbackId,
      themeId,
      weight: 1,
      source: 'staff' as const,
      sentimentScore: null,
    })),
  );
  await db.insert(analysisCorrections).values({
    workspaceId,
    feedbackId,
    field: 'theme',
    previous: correction.previous,
    corrected: themeIds,
    userId: correction.userId,
  });
}

export async function feedbackExists(db: Db, workspaceId: string, feedbackId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND id = ${feedbackId}`,
  );
  return rows.length > 0;
}

/** Workspaces with analysed feedback: the ones nightly re-clustering and recurring checks visit. */
export function workspacesWithAnalysis(db: Db) {
  return queryRows<{ id: string }>(
    db,
    sql`SELECT w.id FROM workspaces w
        WHERE EXISTS (SELECT 1 FROM feedback_analysis fa WHERE fa.workspace_id = w.id)
        ORDER BY w.id`,
  );
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { feedbackThemes, themes } from '../../db/schema/index.ts';

export interface ItemTheme {
  themeId: string;
  name: string;
  weight: number;
  source: 'auto' | 'staff';
}

/** The themes of a page of feedback items (the inbox), by item, each list by theme name. */
export async function themesOfItems(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
): Promise<Map<string, ItemTheme[]>> {
  const byItem = new Map<string, ItemTheme[]>();
  if (feedbackIds.length === 0) return byItem;
  const rows = await db
    .select({
      feedbackId: feedbackThemes.feedbackId,
      themeId: feedbackThemes.themeId,
      name: themes.name,
      weight: feedbackThemes.weight,
      source: feedbackThemes.source,
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
      and(
        eq(feedbackThemes.workspaceId, workspaceId),
        inArray(feedbackThemes.feedbackId, [...feedbackIds]),
      ),
    )
    .orderBy(asc(themes.name));
  for (const { feedbackId, ...theme } of rows) {
    const list = byItem.get(feedbackId) ?? [];
    list.push(theme);
    byItem.set(feedbackId, list);
  }
  return byItem;
}

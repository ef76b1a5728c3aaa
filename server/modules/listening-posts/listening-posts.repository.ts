import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { listeningPosts, touchpoints } from '../../db/schema/index.ts';

export type NewTouchpoint = typeof touchpoints.$inferInsert;
export type NewListeningPost = typeof listeningPosts.$inferInsert;

const touchpointColumns = {
  id: touchpoints.id,
  name: touchpoints.name,
  description: touchpoints.description,
  teamId: touchpoints.teamId,
  createdAt: touchpoints.createdAt,
};

export function listTouchpoints(db: Db, workspaceId: string) {
  return db
    .select(touchpointColumns)
    .from(touchpoints)
    .where(eq(touchpoints.workspaceId, workspaceId))
    .orderBy(asc(touchpoints.createdAt));
}

export async function insertTouchpoint(db: Db, touchpoint: NewTouchpoint) {
  const [row] = await db.insert(touchpoints).values(touchpoint).returning(touchpointColumns);
  if (!row) throw new Error('insert returned no touchpoint');
  return row;
}

export async function updateTouchpoint(
  db: Db,
  workspaceId: string,
  id: string,
  changes: {
    name?: string | undefined;
    description?: string | undefined;
    teamId?: string | null | undefined;
  },
) {
  const [row] = await db
    .update(touchpoints)
    .set(changes)
    .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)))
    .returning(touchpointColumns);
  return row;
}

const postColumns = {
  id: listeningPosts.id,
  kind: listeningPosts.kind,
  name: listeningPosts.name,
  touchpointId: listeningPosts.touchpointId,
  status: listeningPosts.status,
  lastError: listeningPosts.lastError,
  lastReceivedAt: listeningPosts.lastReceivedAt,
  createdAt: listeningPosts.createdAt,
  settings: sql<
    Record<string, unknown>
  >`coalesce(${listeningPosts.config}->'settings', '{}'::jsonb)`.as('settings'),
};

export function listPosts(db: Db, workspaceId: string) {
  return db
    .select(postColumns)
    .from(listeningPosts)
    .where(eq(listeningPosts.workspaceId, workspaceId))
    .orderBy(asc(listeningPosts.createdAt));
}

export async function insertPost(db: Db, post: NewListeningPost) {
  const [row] = await db.insert(listeningPosts).values(post).returning(postColumns);
  if (!row) throw new Error('insert returned no listening post');
  return row;
}

export async function updatePost(
  db: Db,
  workspaceId: string,
  id: string,
  changes: {
    name?: string | undefined;
    touchpointId?: string | null | undefined;
    status?: 'active' | 'paused' | undefined;
    settings?: Record<string, unknown> | undefined;
  },
) {
  const { settings, ...columns } = changes;
  const [row] = await db
    .update(listeningPosts)
    .set({
      ...columns,
      ...(settings
        ? {
            config: sql`${listeningPosts.config} || ${JSON.stringify({ settings })}::jsonb`,
          }
        : {}),
    })
    .where(and(eq(listeningPosts.workspaceId, workspaceId), eq(listeningPosts.id, id)))
    .returning(postColumns);
  return row;
}

export async function findPostWithConfig(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: listeningPosts.id,
      kind: listeningPosts.kind,
      status: listeningPosts.status,
      config: listeningPosts.config,
    })
    .from(listeningPosts)
    .where(and(eq(listeningPosts.workspaceId, workspaceId), eq(listeningPosts.id, id)));
  return row;
}

/** Merges keys into a post's configuration (e.g. a new signing secret). */
export async function mergePostConfig(
  db: Db,
  workspaceId: string,
  id: string,
  changes: Record<string, unknown>,
) {
  const rows = await db
    .update(listeningPosts)
    .set({ config: sql`${listeningPosts.config} || ${JSON.stringify(changes)}::jsonb` })
    .where(and(eq(listeningPosts.workspaceId, workspaceId), eq(listeningPosts.id, id)))
    .returning({ id: listeningPosts.id });
  return rows.length === 1;
}

/**
 * The workspace a listening post belongs to, looked up by the post's id alone. Only for trusted
 * callers that act for the operator (the CLI); requests take the workspace from their session.
 */
export async function workspaceOfPost(db: Db, postId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ workspaceId: string }>(
    db,
    sql`SELECT workspace_id AS "workspaceId" FROM listening_posts WHERE id = ${postId}`,
  );
  return row?.workspaceId;
}

/** Raw items received per post per day over the last `days` days (the dashboard's sparklines). */
export function dailyVolume(db: Db, workspaceId: string, days: number, postId?: string) {
  // Days are the workspace's calendar days, as everywhere else figures are aggregated.
  return queryRows<{ postId: string; day: string; count: number }>(
    db,
    sql`SELECT r.post_id AS "postId", to_char(r.received_at AT TIME ZONE w.timezone, 'YYYY-MM-DD') AS day,
          count(*)::int AS count
        FROM raw_items r JOIN workspaces w ON w.id = r.workspace_id
        WHERE r.workspace_id = ${workspaceId} AND r.post_id IS NOT NULL
          ${postId ? sql`AND r.post_id = ${postId}` : sql``}
          AND r.received_at >= now() - make_interval(days => ${days})
        GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

export async function touchpointExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)));
  return rows.length === 1;
}

/** Keeps each post's "last received" current; called when items arrive. */
export async function touchPosts(db: Db, workspaceId: string, postIds: string[]) {
  if (postIds.length === 0) return;
  await db.execute(
    sql`UPDATE listening_posts SET last_received_at = now()
        WHERE workspace_id = ${workspaceId} AND id IN (${sql.join(
          postIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/**
 * Active posts of some kinds in every workspace, with their config: for the connectors' scheduler
 * tick, which acts for the operator across workspaces (each post found is then handled within its
 * own workspace).
 */
export function listActivePostsOfKinds(db: Db, kinds: string[]) {
  return queryRows<{
    workspaceId: string;
    id: string;
    kind: string;
    config: Record<string, unknown>;
  }>(
    db,
    sql`SELECT workspace_id AS "workspaceId", id, kind, config FROM listening_posts
        WHERE status <> 'paused' AND kind IN (${sql.join(
          kinds.map((kind) => sql`${kind}`),
          sql`, `,
        )})
        ORDER BY workspace_id, id`,
  );
}

/** Sets a post's health from its channel: an error marks it `error`; none makes it `active` again. A paused post stays paused. */
export async function setPostHealth(db: Db, workspaceId: string, id: string, error: string | null) {
  await db.execute(
    sql`UPDATE listening_posts
        SET status = CASE WHEN status = 'paused' THEN 'paused' WHEN ${error}::text IS NULL THEN 'active' ELSE 'error' END,
          last_error = ${error === null ? null : error.slice(0, 2000)}
        WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
}

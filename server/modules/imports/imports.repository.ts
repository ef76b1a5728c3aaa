import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

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

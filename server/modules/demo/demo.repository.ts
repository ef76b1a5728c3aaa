import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/**
 * Serialises seeding of one workspace until the surrounding transaction ends, so two runs of
 * the same job (a retry racing a slow first attempt) cannot both see an empty workspace.
 */
export async function lockWorkspaceSeeding(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`demo.seed:${workspaceId}`}))`);
}

export async function workspaceHasFeedback(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM feedback WHERE workspace_id = ${workspaceId}) AS found`,
  );
  return rows[0]?.found === true;
}

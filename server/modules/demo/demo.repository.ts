import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { accounts, contacts, feedback, touchpoints } from '../../db/schema/index.ts';

export type NewTouchpoint = typeof touchpoints.$inferInsert;
export type NewAccount = typeof accounts.$inferInsert;
export type NewContact = typeof contacts.$inferInsert;
export type NewFeedback = typeof feedback.$inferInsert;

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

export async function insertTouchpoints(db: Db, rows: NewTouchpoint[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(touchpoints)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: touchpoints.id });
  return inserted.length;
}

export async function insertAccounts(db: Db, rows: NewAccount[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(accounts)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  return inserted.length;
}

export async function insertContacts(db: Db, rows: NewContact[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(contacts)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  return inserted.length;
}

export async function insertFeedback(db: Db, rows: NewFeedback[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(feedback)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: feedback.id });
  return inserted.length;
}

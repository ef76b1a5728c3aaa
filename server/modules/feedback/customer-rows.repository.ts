import type { Db } from '../../db/client.ts';
import { accounts, contacts, feedback, touchpoints } from '../../db/schema/index.ts';

export type NewTouchpoint = typeof touchpoints.$inferInsert;
export type NewAccount = typeof accounts.$inferInsert;
export type NewContact = typeof contacts.$inferInsert;
export type NewFeedback = typeof feedback.$inferInsert;

/**
 * Bulk inserts of the customer-side rows (used by demo seeding and workspace import). Each returns
 * how many rows were new: a row whose (workspace_id, id) already exists is left alone, which is
 * what makes seeding and importing safe to repeat.
 */
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

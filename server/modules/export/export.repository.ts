import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { accounts, contacts, feedback, touchpoints } from '../../db/schema/index.ts';

/**
 * Whole-workspace reads in keyset pages (by id, so memory stays bounded however big the
 * workspace), and idempotent batch inserts that keep the exported ids.
 */
const after = (column: PgColumn, afterId: string | undefined) =>
  afterId === undefined ? undefined : gt(column, afterId);

export function pageTouchpoints(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      description: touchpoints.description,
      createdAt: touchpoints.createdAt,
    })
    .from(touchpoints)
    .where(and(eq(touchpoints.workspaceId, workspaceId), after(touchpoints.id, afterId)))
    .orderBy(asc(touchpoints.id))
    .limit(limit);
}

export function pageAccounts(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return db
    .select({
      id: accounts.id,
      name: accounts.name,
      domain: accounts.domain,
      tier: accounts.tier,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), after(accounts.id, afterId)))
    .orderBy(asc(accounts.id))
    .limit(limit);
}

export function pageContacts(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return db
    .select({
      id: contacts.id,
      accountId: contacts.accountId,
      name: contacts.name,
      email: contacts.email,
      level: contacts.level,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), after(contacts.id, afterId)))
    .orderBy(asc(contacts.id))
    .limit(limit);
}

export function pageFeedback(
  db: Db,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  return db
    .select({
      id: feedback.id,
      channel: feedback.channel,
      touchpointId: feedback.touchpointId,
      contactId: feedback.contactId,
      accountId: feedback.accountId,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      receivedAt: feedback.receivedAt,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), after(feedback.id, afterId)))
    .orderBy(asc(feedback.id))
    .limit(limit);
}

export async function countRows(db: Db, workspaceId: string) {
  const [row] = await queryRows<{
    touchpoint: number;
    account: number;
    contact: number;
    feedback: number;
  }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${workspaceId}) AS touchpoint,
          (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspaceId}) AS account,
          (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspaceId}) AS contact,
          (SELECT count(*)::int FROM feedback WHERE workspace_id = ${workspaceId}) AS feedback`,
  );
  if (!row) throw new Error('count returned no row');
  return row;
}

export type NewTouchpoint = typeof touchpoints.$inferInsert;
export type NewAccount = typeof accounts.$inferInsert;
export type NewContact = typeof contacts.$inferInsert;
export type NewFeedback = typeof feedback.$inferInsert;

/** Each insert returns how many rows were new; rows whose id the workspace already has are left alone. */
export async function insertTouchpoints(db: Db, rows: NewTouchpoint[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(touchpoints)
    .values(rows)
    .onConflictDoNothing({ target: [touchpoints.workspaceId, touchpoints.id] })
    .returning({ id: touchpoints.id });
  return inserted.length;
}

export async function insertAccounts(db: Db, rows: NewAccount[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(accounts)
    .values(rows)
    .onConflictDoNothing({ target: [accounts.workspaceId, accounts.id] })
    .returning({ id: accounts.id });
  return inserted.length;
}

export async function insertContacts(db: Db, rows: NewContact[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(contacts)
    .values(rows)
    .onConflictDoNothing({ target: [contacts.workspaceId, contacts.id] })
    .returning({ id: contacts.id });
  return inserted.length;
}

export async function insertFeedback(db: Db, rows: NewFeedback[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(feedback)
    .values(rows)
    .onConflictDoNothing({ target: [feedback.workspaceId, feedback.id] })
    .returning({ id: feedback.id });
  return inserted.length;
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { accounts, contacts, feedback } from '../../db/schema/index.ts';

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      level: contacts.level,
      createdAt: contacts.createdAt,
      accountId: contacts.accountId,
      accountName: accounts.name,
    })
    .from(contacts)
    .leftJoin(
      accounts,
      and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)),
    )
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row;
}

export function listContactFeedback(db: Db, workspaceId: string, contactId: string) {
  return db
    .select({
      id: feedback.id,
      channel: feedback.channel,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      metadata: feedback.metadata,
      receivedAt: feedback.receivedAt,
    })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.contactId, contactId)))
    .orderBy(asc(feedback.receivedAt));
}

/**
 * Erasure keeps what carries no personal data (channel, score, time) so programme figures stay
 * true, and removes what does: the words, the link to the person, the person, and the raw items
 * their feedback came from (which hold the same words and addresses as received).
 */
export async function eraseContact(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<number> {
  await db.execute(
    sql`UPDATE raw_items SET payload = '{"erased": true}'::jsonb
        WHERE workspace_id = ${workspaceId} AND (id IN (
          SELECT raw_item_id FROM feedback
          WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId} AND raw_item_id IS NOT NULL)
          -- and the raw items that completed that feedback later (a widget's follow-up text)
          OR feedback_id IN (
          SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}))`,
  );
  const anonymised = await db
    .update(feedback)
    .set({ text: '', contactId: null, metadata: {} })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.contactId, contactId)))
    .returning({ id: feedback.id });
  // Cases stay (they count in loop metrics) without the person or their words; mail to them goes.
  await db.execute(
    sql`UPDATE cases SET contact_id = NULL, title = 'Erased contact', learned = '', resolution = ''
        WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}`,
  );
  await db.execute(
    sql`DELETE FROM outbox_messages WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}`,
  );
  await db
    .delete(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return anonymised.length;
}

/**
 * Merges `sourceId` into `targetId`: feedback moves over, the target gains the identities it lacked
 * (email, external id, phone, handle, account, name), and the source is deleted. The source's
 * unique identities are cleared first so the target can take them.
 */
export async function mergeContacts(
  db: Db,
  workspaceId: string,
  sourceId: string,
  targetId: string,
): Promise<number> {
  const [source] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, sourceId)));
  if (!source) return 0;
  const moved = await db
    .update(feedback)
    .set({ contactId: targetId })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.contactId, sourceId)))
    .returning({ id: feedback.id });
  await db
    .delete(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, sourceId)));
  await db.execute(
    sql`UPDATE contacts SET email = coalesce(email, ${source.email}), external_id = coalesce(external_id, ${source.externalId}),
          phone = coalesce(phone, ${source.phone}), social_handle = coalesce(social_handle, ${source.socialHandle}),
          account_id = coalesce(account_id, ${source.accountId}), name = coalesce(name, ${source.name}),
          level = coalesce(level, ${source.level})
        WHERE workspace_id = ${workspaceId} AND id = ${targetId}`,
  );
  return moved.length;
}

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  tier: accounts.tier,
  ownerId: accounts.ownerId,
};

/** Sets an account's owner (cases of its contacts go to them) or tier. */
export async function updateAccount(
  db: Db,
  workspaceId: string,
  accountId: string,
  changes: { ownerId?: string | null | undefined; tier?: (typeof accounts.$inferInsert)['tier'] },
) {
  const [row] = await db
    .update(accounts)
    .set(changes)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)))
    .returning(accountColumns);
  return row;
}

export async function isWorkspaceMember(db: Db, workspaceId: string, userId: string) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM memberships WHERE workspace_id = ${workspaceId} AND user_id = ${userId}`,
  );
  return rows.length > 0;
}

export async function accountExists(db: Db, workspaceId: string, accountId: string) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM accounts WHERE workspace_id = ${workspaceId} AND id = ${accountId}`,
  );
  return rows.length > 0;
}

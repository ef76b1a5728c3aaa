import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
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
      receivedAt: feedback.receivedAt,
    })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.contactId, contactId)))
    .orderBy(asc(feedback.receivedAt));
}

/**
 * Erasure keeps what carries no personal data (channel, score, time) so programme figures stay
 * true, and removes what does: the words, the link to the person, and the person.
 */
export async function eraseContact(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<number> {
  const anonymised = await db
    .update(feedback)
    .set({ text: '', contactId: null })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.contactId, contactId)))
    .returning({ id: feedback.id });
  await db
    .delete(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return anonymised.length;
}

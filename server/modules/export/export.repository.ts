import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
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

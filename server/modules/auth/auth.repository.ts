import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { oneTimeTokens, sessions, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return Number(row?.count ?? 0);
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string | null },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  if (!row) throw new Error('insert returned no user');
  return row;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function touchSignIn(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, new Date()))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function insertOneTimeToken(
  db: Db,
  token: {
    tokenHash: string;
    purpose: OneTimeTokenRow['purpose'];
    userId: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(oneTimeTokens).values(token);
}

export async function findUsableOneTimeToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    );
  return row;
}

/** Marks the token used; returns false when another request used it first. */
export async function consumeOneTimeToken(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt)))
    .returning({ tokenHash: oneTimeTokens.tokenHash });
  return rows.length === 1;
}

/** A new setup link replaces any earlier unused one. */
export async function expireSetupTokens(db: Db): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ expiresAt: new Date() })
    .where(and(eq(oneTimeTokens.purpose, 'setup'), isNull(oneTimeTokens.usedAt)));
}

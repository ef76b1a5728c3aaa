import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { receiveRawItems } from '../modules/ingest/ingest.repository.ts';
import type { Db } from '../db/client.ts';
import { accounts, contacts, feedback, type Role } from '../db/schema/index.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.ts';
import { createApiKey } from '../modules/api-keys/api-keys.service.ts';
import { insertUser } from '../modules/auth/auth.repository.ts';
import { createSession } from '../modules/auth/auth.service.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { createWorkspaceWithOwner } from '../modules/workspaces/workspaces.service.ts';
import { upsertMembership } from '../modules/workspaces/workspaces.repository.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
// Hashing is deliberately slow; tests share one real hash of TEST_PASSWORD.
let sharedHash: Promise<string> | undefined;
const testPasswordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export interface TestUser {
  id: string;
  email: string;
  sessionToken: string;
  csrfToken: string;
}

export async function createTestUser(ctx: AppContext, name = 'Test User'): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.test`;
  const user = await insertUser(ctx.db, { email, name, passwordHash: await testPasswordHash() });
  const session = await createSession(ctx, user.id);
  return { id: user.id, email, sessionToken: session.token, csrfToken: session.csrfToken };
}

export interface TestWorkspace {
  id: string;
  owner: TestUser;
  /** One user per role, created on demand by `member(role)`. */
  member(role: Role): Promise<TestUser>;
  apiKey(role: Role): Promise<string>;
}

/** A fresh workspace with an owner; every test makes its own so tests never see each other's data. */
export async function createTestWorkspace(
  ctx: AppContext,
  name = 'Test Co',
): Promise<TestWorkspace> {
  const owner = await createTestUser(ctx, 'Olive Owner');
  const workspace = await createWorkspaceWithOwner(
    ctx.db as Db,
    `${name} ${randomUUID().slice(0, 8)}`,
    owner.id,
    SYSTEM_ACTOR,
  );
  const members = new Map<Role, Promise<TestUser>>([['owner', Promise.resolve(owner)]]);
  return {
    id: workspace.id,
    owner,
    member(role) {
      let member = members.get(role);
      if (!member) {
        member = createTestUser(ctx, `${role} person`).then(async (user) => {
          await upsertMembership(ctx.db, workspace.id, user.id, role);
          return user;
        });
        members.set(role, member);
      }
      return member;
    },
    async apiKey(role) {
      const { secret } = await createApiKey(
        ctx,
        workspace.id,
        { name: `${role} key`, role },
        SYSTEM_ACTOR,
        'owner',
      );
      return secret;
    },
  };
}

/** A customer with an account and two feedback items, for personal-data tests. */
export async function createTestContact(ctx: AppContext, workspaceId: string): Promise<string> {
  const [account] = await ctx.db
    .insert(accounts)
    .values({ workspaceId, name: 'Initech', domain: 'initech.test' })
    .returning({ id: accounts.id });
  const [contact] = await ctx.db
    .insert(contacts)
    .values({
      workspaceId,
      accountId: account!.id,
      name: 'Peter Gibbons',
      email: `peter-${randomUUID()}@initech.test`,
      level: 'frontline',
    })
    .returning({ id: contacts.id });
  await ctx.db.insert(feedback).values([
    {
      workspaceId,
      contactId: contact!.id,
      accountId: account!.id,
      channel: 'survey',
      scoreType: 'nps',
      score: 3,
      text: 'Call me on 555-0100, the TPS reports broke again.',
    },
    {
      workspaceId,
      contactId: contact!.id,
      accountId: account!.id,
      channel: 'email',
      text: 'Still waiting for an answer.',
    },
  ]);
  return contact!.id;
}

/** A raw item that could not be normalised, in the dead-letter state. */
export async function createDeadRawItem(ctx: AppContext, workspaceId: string): Promise<number> {
  const [stored] = await receiveRawItems(ctx.db, workspaceId, 'api', [
    { dedupKey: `dead-${randomUUID()}`, payload: { nonsense: true } },
  ]);
  await ctx.db.execute(
    sql`UPDATE raw_items SET state = 'dead', last_error = 'sample' WHERE id = ${stored!.id}`,
  );
  return stored!.id;
}

/** Headers for a cookie session, including the CSRF token writes need. */
export function sessionHeaders(user: TestUser): Record<string, string> {
  return { cookie: `hearken_session=${user.sessionToken}`, 'x-csrf-token': user.csrfToken };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

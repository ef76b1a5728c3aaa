import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { KnownAccount, KnownContact, NewAccount, NewContact } from './identity.plan.ts';

/** Serialises identity resolution per workspace until the transaction ends, so two workers cannot both create one account. */
export async function lockIdentities(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`identity:${workspaceId}`}))`);
}

/** `column = ANY(...)` over a JSON list of strings, in a form the planner answers from an index. */
const anyOf = (values: Iterable<string>) =>
  sql`ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb)))`;

/** Accounts any of these external ids or (lower-case) domains could name, oldest first. */
export function accountsMatching(
  db: Db,
  workspaceId: string,
  keys: { externalIds: string[]; domains: string[] },
) {
  if (keys.externalIds.length === 0 && keys.domains.length === 0) return Promise.resolve([]);
  return queryRows<KnownAccount>(
    db,
    sql`SELECT id, external_id AS "externalId", lower(domain) AS domain FROM accounts
        WHERE workspace_id = ${workspaceId}
          AND (external_id = ${anyOf(keys.externalIds)} OR lower(domain) = ${anyOf(keys.domains)})
        ORDER BY created_at, id`,
  );
}

export async function insertAccounts(db: Db, workspaceId: string, accounts: NewAccount[]) {
  if (accounts.length === 0) return;
  await db.execute(
    sql`INSERT INTO accounts (workspace_id, id, name, domain, external_id)
        SELECT ${workspaceId}::uuid, a.id, a.name, a.domain, a."externalId"
        FROM jsonb_to_recordset(${JSON.stringify(accounts)}::jsonb)
          AS a(id uuid, name text, domain text, "externalId" text)`,
  );
}

export interface ContactKeys {
  externalIds: string[];
  emails: string[];
  phones: string[];
  handles: string[];
}

/** Contacts matching any of the keys (emails compared in lower case). */
export function contactsMatching(db: Db, workspaceId: string, keys: ContactKeys) {
  const total =
    keys.externalIds.length + keys.emails.length + keys.phones.length + keys.handles.length;
  if (total === 0) return Promise.resolve([]);
  return queryRows<KnownContact>(
    db,
    sql`SELECT id, account_id AS "accountId", name, email, external_id AS "externalId", phone,
          social_handle AS "socialHandle"
        FROM contacts
        WHERE workspace_id = ${workspaceId} AND (
          external_id = ${anyOf(keys.externalIds)}
          OR lower(email) = ${anyOf(keys.emails.map((email) => email.toLowerCase()))}
          OR phone = ${anyOf(keys.phones)} OR social_handle = ${anyOf(keys.handles)})
        ORDER BY created_at, id`,
  );
}

const contactRecord = sql`c(id uuid, "accountId" uuid, name text, email text, "externalId" text,
  phone text, "socialHandle" text, level text)`;

export async function insertContacts(db: Db, workspaceId: string, contacts: NewContact[]) {
  if (contacts.length === 0) return;
  await db.execute(
    sql`INSERT INTO contacts (workspace_id, id, account_id, name, email, external_id, phone, social_handle, level)
        SELECT ${workspaceId}::uuid, c.id, c."accountId", c.name, c.email, c."externalId", c.phone,
          c."socialHandle", c.level
        FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS ${contactRecord}`,
  );
}

/** Writes what known contacts were missing; `coalesce` keeps anything set in the meantime. */
export async function completeContacts(db: Db, workspaceId: string, contacts: KnownContact[]) {
  if (contacts.length === 0) return;
  await db.execute(
    sql`UPDATE contacts SET account_id = coalesce(contacts.account_id, c."accountId"),
          name = coalesce(contacts.name, c.name), email = coalesce(contacts.email, c.email),
          external_id = coalesce(contacts.external_id, c."externalId"),
          phone = coalesce(contacts.phone, c.phone),
          social_handle = coalesce(contacts.social_handle, c."socialHandle")
        FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS ${contactRecord}
        WHERE contacts.workspace_id = ${workspaceId} AND contacts.id = c.id`,
  );
}

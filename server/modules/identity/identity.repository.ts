import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { KnownAccount, KnownContact, NewAccount, NewContact } from './identity.plan.ts';

/** Serialises identity resolution per workspace until the transaction ends, so two workers cannot both create one account. */
export async function lockIdentities(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`identity:${workspaceId}`}))`);
}

/**
 * Rows of `table` in the workspace matching any of the keyed lookups, with `columns` and their
 * `created_at`, oldest first. Each key value is its own indexed lookup (a LATERAL that the planner
 * cannot flatten), the kinds unioned: written as `col = ANY(...) OR ...`, a planner without
 * statistics (PGlite never analyses; a new PostgreSQL table neither) reads every row of the
 * workspace and filters, a cost that grows with the workspace.
 */
function rowsMatching(
  table: SQL,
  columns: SQL,
  workspaceId: string,
  lookups: Array<[SQL, string[]]>,
): SQL {
  const branches = lookups
    .filter(([, values]) => values.length > 0)
    .map(
      ([column, values]) =>
        sql`SELECT m.* FROM jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb) AS k(value)
            CROSS JOIN LATERAL (SELECT ${columns}, created_at FROM ${table}
              WHERE workspace_id = ${workspaceId} AND ${column} = k.value OFFSET 0) m`,
    );
  return sql`SELECT * FROM (${sql.join(branches, sql` UNION `)}) matched ORDER BY created_at, id`;
}

/** Accounts any of these external ids or (lower-case) domains could name, oldest first. */
export function accountsMatching(
  db: Db,
  workspaceId: string,
  keys: { externalIds: string[]; domains: string[] },
) {
  if (keys.externalIds.length === 0 && keys.domains.length === 0) return Promise.resolve([]);
  return queryRows<KnownAccount>(
    db,
    rowsMatching(
      sql`accounts`,
      sql`id, external_id AS "externalId", lower(domain) AS domain`,
      workspaceId,
      [
        [sql`external_id`, keys.externalIds],
        [sql`lower(domain)`, keys.domains],
      ],
    ),
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
    rowsMatching(
      sql`contacts`,
      sql`id, account_id AS "accountId", name, email, external_id AS "externalId", phone,
        social_handle AS "socialHandle"`,
      workspaceId,
      [
        [sql`external_id`, keys.externalIds],
        [sql`lower(email)`, keys.emails.map((email) => email.toLowerCase())],
        [sql`phone`, keys.phones],
        [sql`social_handle`, keys.handles],
      ],
    ),
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

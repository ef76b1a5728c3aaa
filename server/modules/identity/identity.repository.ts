import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** Serialises identity resolution per workspace until the transaction ends, so two workers cannot both create one account. */
export async function lockIdentities(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`identity:${workspaceId}`}))`);
}

async function firstId(db: Db, query: ReturnType<typeof sql>): Promise<string | undefined> {
  return (await queryRows<{ id: string }>(db, query))[0]?.id;
}

export function findAccount(
  db: Db,
  workspaceId: string,
  by: { externalId?: string; domain?: string },
) {
  if (by.externalId) {
    return firstId(
      db,
      sql`SELECT id FROM accounts WHERE workspace_id = ${workspaceId} AND external_id = ${by.externalId}`,
    );
  }
  return firstId(
    db,
    sql`SELECT id FROM accounts WHERE workspace_id = ${workspaceId} AND lower(domain) = lower(${by.domain ?? ''})
        ORDER BY created_at LIMIT 1`,
  );
}

export function insertAccount(
  db: Db,
  workspaceId: string,
  account: { name: string; domain: string | null; externalId: string | null },
) {
  return firstId(
    db,
    sql`INSERT INTO accounts (workspace_id, name, domain, external_id)
        VALUES (${workspaceId}, ${account.name}, ${account.domain}, ${account.externalId})
        RETURNING id`,
  );
}

export interface ContactKeys {
  externalId?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  socialHandle?: string | undefined;
}

/** The contact matching any of the keys, strongest key first (external id, email, phone, handle). */
export async function findContact(db: Db, workspaceId: string, keys: ContactKeys) {
  const rows = await queryRows<{ id: string; accountId: string | null }>(
    db,
    sql`SELECT id, account_id AS "accountId" FROM contacts
        WHERE workspace_id = ${workspaceId} AND (
          external_id = ${keys.externalId ?? null} OR lower(email) = lower(${keys.email ?? null})
          OR phone = ${keys.phone ?? null} OR social_handle = ${keys.socialHandle ?? null})
        ORDER BY (external_id = ${keys.externalId ?? null}) IS TRUE DESC,
                 (lower(email) = lower(${keys.email ?? null})) IS TRUE DESC,
                 (phone = ${keys.phone ?? null}) IS TRUE DESC
        LIMIT 1`,
  );
  return rows[0];
}

export function insertContact(
  db: Db,
  workspaceId: string,
  contact: ContactKeys & { name: string | null; level: string | null; accountId: string | null },
) {
  return firstId(
    db,
    sql`INSERT INTO contacts (workspace_id, account_id, name, email, external_id, phone, social_handle, level)
        VALUES (${workspaceId}, ${contact.accountId}, ${contact.name}, ${contact.email ?? null},
          ${contact.externalId ?? null}, ${contact.phone ?? null}, ${contact.socialHandle ?? null}, ${contact.level})
        RETURNING id`,
  );
}

/** Fills in what a known contact was missing (never overwrites what staff or earlier items set). */
export async function completeContact(
  db: Db,
  workspaceId: string,
  id: string,
  contact: ContactKeys & { name: string | null; accountId: string | null },
) {
  await db.execute(
    sql`UPDATE contacts SET account_id = coalesce(account_id, ${contact.accountId}),
          name = coalesce(name, ${contact.name}),
          -- email and external id are unique per workspace: only take one nobody else has.
          email = coalesce(email, (SELECT ${contact.email ?? null}::text WHERE NOT EXISTS (
            SELECT 1 FROM contacts other WHERE other.workspace_id = ${workspaceId}
              AND lower(other.email) = lower(${contact.email ?? null})))),
          external_id = coalesce(external_id, (SELECT ${contact.externalId ?? null}::text WHERE NOT EXISTS (
            SELECT 1 FROM contacts other WHERE other.workspace_id = ${workspaceId}
              AND other.external_id = ${contact.externalId ?? null}))),
          phone = coalesce(phone, ${contact.phone ?? null}),
          social_handle = coalesce(social_handle, ${contact.socialHandle ?? null})
        WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { SuppressionReason } from './gate.ts';

/** What the gate needs about a set of recipients, loaded in a handful of set-based queries. */
export interface GateContacts {
  /** Contact by id, and by lower-cased email for messages that name only an address. */
  byId: Map<string, GateContact>;
  byEmail: Map<string, GateContact>;
}
export interface GateContact {
  id: string;
  email: string | null;
  level: string | null;
  accountTier: string | null;
}

const jsonList = (values: string[]) =>
  sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export async function loadContacts(
  db: Db,
  workspaceId: string,
  ids: string[],
  emails: string[],
): Promise<GateContacts> {
  const rows =
    ids.length + emails.length === 0
      ? []
      : await queryRows<GateContact>(
          db,
          sql`SELECT c.id, lower(c.email) AS email, c.level, a.tier AS "accountTier"
              FROM contacts c
              LEFT JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
              WHERE c.workspace_id = ${workspaceId}
                AND (c.id::text IN ${jsonList(ids)} OR lower(c.email) IN ${jsonList(emails)})`,
        );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byEmail = new Map(rows.filter((row) => row.email).map((row) => [row.email!, row] as const));
  return { byId, byEmail };
}

export async function loadSuppressions(db: Db, workspaceId: string, addresses: string[]) {
  if (addresses.length === 0) return new Map<string, SuppressionReason>();
  const rows = await queryRows<{ address: string; reason: SuppressionReason }>(
    db,
    sql`SELECT address, reason FROM email_suppressions
        WHERE workspace_id = ${workspaceId} AND address IN ${jsonList(addresses)}`,
  );
  return new Map(rows.map((row) => [row.address, row.reason]));
}

/** The consent in force per contact and consent purpose (email): the newest decision. */
export async function loadConsents(db: Db, workspaceId: string, contactIds: string[]) {
  const current = new Map<string, boolean>();
  if (contactIds.length === 0) return current;
  const rows = await queryRows<{ contactId: string; purpose: string; granted: boolean }>(
    db,
    sql`SELECT DISTINCT ON (contact_id, purpose) contact_id AS "contactId", purpose, granted
        FROM contact_consents
        WHERE workspace_id = ${workspaceId} AND channel = 'email'
          AND contact_id::text IN ${jsonList(contactIds)}
        ORDER BY contact_id, purpose, recorded_at DESC, id DESC`,
  );
  for (const row of rows) current.set(`${row.contactId}:${row.purpose}`, row.granted);
  return current;
}

export interface PolicyRow {
  id: string;
  name: string;
  position: number;
  segment: Record<string, unknown>;
  maxMessages: number;
  windowHours: number;
  minGapHours: number;
}

export function loadPolicies(db: Db, workspaceId: string) {
  return queryRows<PolicyRow>(
    db,
    sql`SELECT id, name, position, segment, max_messages AS "maxMessages",
          window_hours AS "windowHours", min_gap_hours AS "minGapHours"
        FROM contact_limit_policies WHERE workspace_id = ${workspaceId}
        ORDER BY position, created_at, id`,
  );
}

/**
 * When customer messages (replies and staff mail excepted) went, or are about to go, to each
 * contact within the last `hours`. Held, blocked and failed messages never reached them.
 */
export async function loadRecentSends(
  db: Db,
  workspaceId: string,
  contactIds: string[],
  hours: number,
  now: Date,
) {
  const recent = new Map<string, Date[]>();
  if (contactIds.length === 0 || hours <= 0) return recent;
  const rows = await queryRows<{ contactId: string; at: string | Date }>(
    db,
    sql`SELECT contact_id AS "contactId", coalesce(sent_at, sending_at, created_at) AS at
        FROM outbox_messages
        WHERE workspace_id = ${workspaceId} AND contact_id::text IN ${jsonList(contactIds)}
          AND purpose NOT IN ('reply', 'internal')
          AND state IN ('queued', 'sending', 'sent', 'local', 'bounced')
          AND coalesce(sent_at, sending_at, created_at)
            > ${now.toISOString()}::timestamptz - make_interval(hours => ${hours})`,
  );
  for (const row of rows) {
    const list = recent.get(row.contactId) ?? [];
    list.push(new Date(row.at));
    recent.set(row.contactId, list);
  }
  return recent;
}

export async function loadOpenCaseContacts(db: Db, workspaceId: string, contactIds: string[]) {
  if (contactIds.length === 0) return new Set<string>();
  const rows = await queryRows<{ contactId: string }>(
    db,
    sql`SELECT DISTINCT contact_id AS "contactId" FROM cases
        WHERE workspace_id = ${workspaceId} AND stage <> 'closed'
          AND contact_id::text IN ${jsonList(contactIds)}`,
  );
  return new Set(rows.map((row) => row.contactId));
}

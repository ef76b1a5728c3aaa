import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { ConsentPurpose } from '../../db/schema/index.ts';

type ConsentSource = 'survey' | 'case' | 'link' | 'staff' | 'import' | 'api';

export interface NewConsent {
  contactId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  source: ConsentSource;
  sourceRef?: string | null;
  recordedBy?: string | null;
}

export interface ConsentRow {
  id: number;
  contactId: string;
  purpose: ConsentPurpose;
  channel: 'email';
  granted: boolean;
  source: ConsentSource;
  sourceRef: string | null;
  recordedBy: string | null;
  recordedAt: string | Date;
}

const consentColumns = sql`id::int AS id, contact_id AS "contactId", purpose, channel, granted, source,
  source_ref AS "sourceRef", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

/** Appends consent decisions (history is never updated); only for contacts of the workspace. */
export function insertConsents(db: Db, workspaceId: string, rows: NewConsent[], at: Date) {
  if (rows.length === 0) return Promise.resolve([]);
  return queryRows<ConsentRow>(
    db,
    sql`INSERT INTO contact_consents (workspace_id, contact_id, purpose, channel, granted, source,
          source_ref, recorded_by, recorded_at)
        SELECT ${workspaceId}::uuid, c.id, x->>'purpose', 'email', (x->>'granted')::boolean,
          x->>'source', x->>'sourceRef', (x->>'recordedBy')::uuid, ${at.toISOString()}::timestamptz
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(x, n)
        JOIN contacts c ON c.workspace_id = ${workspaceId} AND c.id = (x->>'contactId')::uuid
        ORDER BY n
        RETURNING ${consentColumns}`,
  );
}

export function listConsents(db: Db, workspaceId: string, contactId: string, limit: number) {
  return queryRows<ConsentRow>(
    db,
    sql`SELECT ${consentColumns} FROM contact_consents
        WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}
        ORDER BY recorded_at DESC, id DESC LIMIT ${limit}`,
  );
}

/** The decision in force per purpose: the newest row per (purpose, channel). */
export function currentConsents(db: Db, workspaceId: string, contactId: string) {
  return queryRows<ConsentRow>(
    db,
    sql`SELECT DISTINCT ON (purpose, channel) ${consentColumns} FROM contact_consents
        WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}
        ORDER BY purpose, channel, recorded_at DESC, id DESC`,
  );
}

export async function contactExists(db: Db, workspaceId: string, contactId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM contacts WHERE workspace_id = ${workspaceId} AND id = ${contactId}`,
  );
  return rows.length === 1;
}

export async function workspaceName(db: Db, workspaceId: string) {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`SELECT name FROM workspaces WHERE id = ${workspaceId}`,
  );
  return row?.name;
}

/** Adds a suppression; an existing one keeps its first reason unless the new one is a bounce. */
export async function addSuppression(
  db: Db,
  workspaceId: string,
  address: string,
  reason: 'bounce' | 'complaint' | 'unsubscribe',
  detail: string | null,
) {
  await db.execute(
    sql`INSERT INTO email_suppressions (workspace_id, address, reason, detail)
        VALUES (${workspaceId}, ${address.trim().toLowerCase()}, ${reason}, ${detail?.slice(0, 2000) ?? null})
        ON CONFLICT (workspace_id, address) DO UPDATE SET reason = EXCLUDED.reason,
          detail = EXCLUDED.detail, created_at = now()
        WHERE EXCLUDED.reason = 'bounce' AND email_suppressions.reason <> 'bounce'`,
  );
}

export function listSuppressions(db: Db, workspaceId: string, limit: number) {
  return queryRows<{ address: string; reason: string; detail: string | null; createdAt: string }>(
    db,
    sql`SELECT address, reason, detail, created_at AS "createdAt" FROM email_suppressions
        WHERE workspace_id = ${workspaceId} ORDER BY created_at DESC, address LIMIT ${limit}`,
  );
}

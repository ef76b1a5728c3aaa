import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface PolicyInput {
  name: string;
  position: number;
  segment: Record<string, string>;
  maxMessages: number;
  windowHours: number;
  minGapHours: number;
}

export interface PolicyRow extends PolicyInput {
  id: string;
  createdAt: string | Date;
}

const columns = sql`id, name, position, segment, max_messages AS "maxMessages",
  window_hours AS "windowHours", min_gap_hours AS "minGapHours", created_at AS "createdAt"`;

export function listPolicies(db: Db, workspaceId: string) {
  return queryRows<PolicyRow>(
    db,
    sql`SELECT ${columns} FROM contact_limit_policies WHERE workspace_id = ${workspaceId}
        ORDER BY position, created_at, id`,
  );
}

export async function insertPolicy(db: Db, workspaceId: string, input: PolicyInput) {
  const [row] = await queryRows<PolicyRow>(
    db,
    sql`INSERT INTO contact_limit_policies (workspace_id, name, position, segment, max_messages,
          window_hours, min_gap_hours)
        VALUES (${workspaceId}, ${input.name}, ${input.position}, ${JSON.stringify(input.segment)}::jsonb,
          ${input.maxMessages}, ${input.windowHours}, ${input.minGapHours})
        RETURNING ${columns}`,
  );
  return row!;
}

export async function updatePolicy(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<PolicyInput>,
) {
  const [row] = await queryRows<PolicyRow>(
    db,
    sql`UPDATE contact_limit_policies SET
          name = coalesce(${patch.name ?? null}, name),
          position = coalesce(${patch.position ?? null}::int, position),
          segment = coalesce(${patch.segment ? JSON.stringify(patch.segment) : null}::jsonb, segment),
          max_messages = coalesce(${patch.maxMessages ?? null}::int, max_messages),
          window_hours = coalesce(${patch.windowHours ?? null}::int, window_hours),
          min_gap_hours = coalesce(${patch.minGapHours ?? null}::int, min_gap_hours)
        WHERE workspace_id = ${workspaceId} AND id = ${id}
        RETURNING ${columns}`,
  );
  return row;
}

export async function deletePolicy(db: Db, workspaceId: string, id: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM contact_limit_policies WHERE workspace_id = ${workspaceId} AND id = ${id}
        RETURNING id`,
  );
  return rows.length === 1;
}

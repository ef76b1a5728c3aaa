import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface SnippetRow {
  id: string;
  name: string;
  body: string;
  createdBy: string | null;
  createdAt: string;
}

const columns = sql`id, name, body, created_by AS "createdBy", created_at AS "createdAt"`;

export function listSnippets(db: Db, workspaceId: string, limit = 500) {
  return queryRows<SnippetRow>(
    db,
    sql`SELECT ${columns} FROM reply_snippets WHERE workspace_id = ${workspaceId}
        ORDER BY lower(name), id LIMIT ${limit}`,
  );
}

export async function insertSnippet(
  db: Db,
  workspaceId: string,
  input: { name: string; body: string; createdBy: string | null },
) {
  const [row] = await queryRows<SnippetRow>(
    db,
    sql`INSERT INTO reply_snippets (workspace_id, name, body, created_by)
        VALUES (${workspaceId}, ${input.name}, ${input.body}, ${input.createdBy})
        RETURNING ${columns}`,
  );
  return row!;
}

export async function updateSnippet(
  db: Db,
  workspaceId: string,
  id: string,
  input: { name?: string | undefined; body?: string | undefined },
) {
  const [row] = await queryRows<SnippetRow>(
    db,
    sql`UPDATE reply_snippets SET name = coalesce(${input.name ?? null}, name),
          body = coalesce(${input.body ?? null}, body)
        WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING ${columns}`,
  );
  return row;
}

export async function deleteSnippet(db: Db, workspaceId: string, id: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM reply_snippets WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING id`,
  );
  return rows.length > 0;
}

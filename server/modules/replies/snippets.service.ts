import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import * as repo from './snippets.repository.ts';

/** Reply snippets: admins write them, agents insert them (placeholders filled per contact). */
function present(row: repo.SnippetRow) {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export async function listSnippets(ctx: Pick<AppContext, 'db'>, workspaceId: string) {
  return (await repo.listSnippets(ctx.db, workspaceId)).map(present);
}

export async function createSnippet(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  input: { name: string; body: string },
  actorId: string | null,
) {
  return present(await repo.insertSnippet(ctx.db, workspaceId, { ...input, createdBy: actorId }));
}

export async function updateSnippet(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  snippetId: string,
  input: { name?: string | undefined; body?: string | undefined },
) {
  const row = await repo.updateSnippet(ctx.db, workspaceId, snippetId, input);
  if (!row) throw errors.notFound('snippet', snippetId);
  return present(row);
}

export async function deleteSnippet(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  snippetId: string,
) {
  if (!(await repo.deleteSnippet(ctx.db, workspaceId, snippetId)))
    throw errors.notFound('snippet', snippetId);
}

import type { AppContext } from '../../context.ts';
import { pageCasesForExport } from './case-export.repository.ts';

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Cases for the workspace export, a keyset page at a time: each with its feedback ids, linked
 * actions and whole timeline (people by email, since user ids mean nothing elsewhere).
 */
export async function exportCasePage(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) {
  const rows = await pageCasesForExport(ctx.db, workspaceId, afterId, limit);
  return rows.map((row) => ({
    ...row,
    dueAt: iso(row.dueAt),
    firstResponseAt: iso(row.firstResponseAt),
    closedAt: iso(row.closedAt),
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}

import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import * as repo from './policies.repository.ts';

export type Policy = repo.PolicyRow;

export function list(ctx: AppContext, workspaceId: string) {
  return repo.listPolicies(ctx.db, workspaceId);
}

export function create(ctx: AppContext, workspaceId: string, input: repo.PolicyInput) {
  return repo.insertPolicy(ctx.db, workspaceId, input);
}

export async function update(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: Partial<repo.PolicyInput>,
) {
  const row = await repo.updatePolicy(ctx.db, workspaceId, id, patch);
  if (!row) throw errors.notFound('contact limit policy', id);
  return row;
}

export async function remove(ctx: AppContext, workspaceId: string, id: string) {
  if (!(await repo.deletePolicy(ctx.db, workspaceId, id)))
    throw errors.notFound('contact limit policy', id);
}

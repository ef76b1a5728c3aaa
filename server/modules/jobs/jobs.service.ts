import type { AppContext } from '../../context.ts';
import type { JobState } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import * as queue from '../../jobs/queue.repository.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';

export async function listJobs(
  ctx: AppContext,
  workspaceId: string,
  state: JobState | undefined,
  limit: number,
) {
  const [items, counts] = await Promise.all([
    queue.listWorkspaceJobs(ctx.db, workspaceId, state, limit),
    queue.countJobsByState(ctx.db, workspaceId),
  ]);
  return {
    items,
    counts: {
      queued: counts.queued ?? 0,
      running: counts.running ?? 0,
      done: counts.done ?? 0,
      dead: counts.dead ?? 0,
    },
  };
}

/** Sends a dead-lettered job round again, with a fresh set of attempts. */
export async function retryJob(ctx: AppContext, workspaceId: string, id: number, actor: Actor) {
  if (!(await queue.retryDeadJob(ctx.db, workspaceId, id)))
    throw errors.notFound('dead-lettered job', id);
  await recordAudit(ctx.db, workspaceId, actor, 'job.retried', { type: 'job', id: String(id) });
  const job = await queue.findJob(ctx.db, id);
  if (!job) throw errors.notFound('job', id);
  return job;
}

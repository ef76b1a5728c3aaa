import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterEach, expect, it } from 'vitest';
import { queryRows, type Db } from '../db/client.ts';
import { createLogger } from '../logger.ts';
import { describeEachEngine } from '../test/engines.ts';
import { createRegistry, defineJob } from './job.ts';
import { absorbQueuedJobs, findJob, insertJobs, type ClaimedJob } from './queue.repository.ts';
import { Worker } from './worker.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(1000)));
});

const uniqueName = (base: string) => `${base}.${Math.random().toString(36).slice(2, 8)}`;
const COALESCE = { field: 'ids', max: 10 };

/** Puts a queued job in the hands of `workerId`, as a claim would, without claiming others. */
async function hold(db: Db, id: number, workerId: string): Promise<ClaimedJob> {
  const [job] = await queryRows<ClaimedJob>(
    db,
    sql`UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
          locked_until = now() + interval '1 minute'
        WHERE id = ${id}
        RETURNING id::int AS id, workspace_id AS "workspaceId", name, payload, attempts,
          max_attempts AS "maxAttempts"`,
  );
  return job!;
}

async function states(db: Db, ids: number[]) {
  return Promise.all(ids.map(async (id) => (await findJob(db, id))?.state ?? 'deleted'));
}

describeEachEngine('coalescing jobs', ({ ctx }) => {
  it('merges queued jobs of the same kind and workspace into the running one, in order', async () => {
    const name = uniqueName('test.coalesce');
    const workspaceId = randomUUID();
    const ids = await insertJobs(
      ctx().db,
      [[1], [2, 3], [4]].map((list) => ({ name, workspaceId, payload: { ids: list } })),
    );
    const job = await hold(ctx().db, ids[0]!, 'worker-a');
    const payload = await absorbQueuedJobs(ctx().db, job, 'worker-a', COALESCE);
    expect(payload).toEqual({ ids: [1, 2, 3, 4] });
    expect((await findJob(ctx().db, ids[0]!))?.payload).toEqual({ ids: [1, 2, 3, 4] });
    expect(await states(ctx().db, ids)).toEqual(['running', 'deleted', 'deleted']);
  });

  it('leaves jobs it may not take: other kinds and workspaces, retried, keyed, delayed, too big', async () => {
    const name = uniqueName('test.coalesce');
    const workspaceId = randomUUID();
    const later = new Date(Date.now() + 3_600_000);
    const ids = await insertJobs(ctx().db, [
      { name, workspaceId, payload: { ids: [1] } },
      { name: uniqueName('test.other'), workspaceId, payload: { ids: [2] } },
      { name, workspaceId: randomUUID(), payload: { ids: [3] } },
      { name, workspaceId, payload: { ids: [4] }, uniqueKey: uniqueName('key') },
      { name, workspaceId, payload: { ids: [5] }, runAt: later },
      { name, workspaceId, payload: { ids: [6] } },
      { name, workspaceId, payload: { ids: [7, 8, 9, 10, 11, 12, 13, 14, 15] } },
      { name, workspaceId, payload: { ids: [16] } },
    ]);
    // A job that failed once waits for its retry with its own attempt count.
    await ctx().db.execute(sql`UPDATE jobs SET attempts = 1 WHERE id = ${ids[7]!}`);
    const job = await hold(ctx().db, ids[0]!, 'worker-a');
    const payload = await absorbQueuedJobs(ctx().db, job, 'worker-a', COALESCE);
    // Ten entries at most, taken in order while they fit: the job of nine would make eleven.
    expect(payload).toEqual({ ids: [1, 6] });
    expect(await states(ctx().db, ids)).toEqual([
      'running',
      'queued',
      'queued',
      'queued',
      'queued',
      'deleted',
      'queued',
      'queued',
    ]);
  });

  it('merges only jobs whose other payload fields are the same', async () => {
    const name = uniqueName('test.coalesce');
    const workspaceId = randomUUID();
    const ids = await insertJobs(
      ctx().db,
      [
        { ids: [1], mode: 'fast' },
        { ids: [2], mode: 'slow' },
        { ids: [3] },
        { ids: [4], mode: 'fast' },
      ].map((payload) => ({ name, workspaceId, payload })),
    );
    const job = await hold(ctx().db, ids[0]!, 'worker-a');
    const payload = await absorbQueuedJobs(ctx().db, job, 'worker-a', COALESCE);
    expect(payload).toEqual({ ids: [1, 4], mode: 'fast' });
    expect(await states(ctx().db, ids)).toEqual(['running', 'queued', 'queued', 'deleted']);
  });

  it('takes nothing when the worker no longer holds the job', async () => {
    const name = uniqueName('test.coalesce');
    const workspaceId = randomUUID();
    const ids = await insertJobs(
      ctx().db,
      [[1], [2]].map((list) => ({ name, workspaceId, payload: { ids: list } })),
    );
    const job = await hold(ctx().db, ids[0]!, 'worker-a');
    expect(await absorbQueuedJobs(ctx().db, job, 'worker-b', COALESCE)).toBeUndefined();
    expect(await states(ctx().db, ids)).toEqual(['running', 'queued']);
  });

  it('gives each entry to exactly one run when two workers merge from the same queue', async () => {
    const seen: number[] = [];
    let runs = 0;
    const definition = defineJob({
      name: uniqueName('test.coalesce'),
      payload: z.object({ ids: z.array(z.number()).max(COALESCE.max) }),
      coalesce: COALESCE,
      async handler({ ids }) {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(...ids);
      },
    });
    const workspaceId = randomUUID();
    const total = 300;
    for (const worker of [1, 2].map(
      () =>
        new Worker(ctx().db, createRegistry([definition]), {
          concurrency: 3,
          pollMs: 10,
          leaseMs: 60_000,
          log,
        }),
    )) {
      workers.push(worker);
      worker.start();
    }
    // Jobs arrive while both workers are claiming and merging.
    for (let start = 0; start < total; start += 30)
      await insertJobs(
        ctx().db,
        Array.from({ length: 30 }, (_, i) => ({
          name: definition.name,
          workspaceId,
          payload: { ids: [start + i] },
        })),
      );
    const deadline = Date.now() + 15_000;
    while (seen.length < total && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await new Promise((resolve) => setTimeout(resolve, 100)); // a late duplicate would show now
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(runs).toBeLessThan(total / 2); // they did merge
  });

  it('runs a backlog of one-entry jobs as a few merged ones, each entry once', async () => {
    const seen: number[][] = [];
    const definition = defineJob({
      name: uniqueName('test.coalesce'),
      payload: z.object({ ids: z.array(z.number()).max(COALESCE.max) }),
      coalesce: COALESCE,
      async handler({ ids }) {
        seen.push(ids);
      },
    });
    const workspaceId = randomUUID();
    await insertJobs(
      ctx().db,
      Array.from({ length: 25 }, (_, i) => ({
        name: definition.name,
        workspaceId,
        payload: { ids: [i] },
      })),
    );
    const worker = new Worker(ctx().db, createRegistry([definition]), {
      concurrency: 1,
      pollMs: 20,
      leaseMs: 60_000,
      log,
    });
    workers.push(worker);
    worker.start();
    const deadline = Date.now() + 10_000;
    while (seen.flat().length < 25 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(seen.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(seen).toHaveLength(3);
    expect(seen.every((ids) => ids.length <= COALESCE.max)).toBe(true);
  });
});

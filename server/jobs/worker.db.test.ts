import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterEach, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createLogger } from '../logger.ts';
import { describeEachEngine } from '../test/engines.ts';
import { createRegistry, defineJob, type JobDefinition } from './job.ts';
import { claimJobs, findJob, insertJobs } from './queue.repository.ts';
import { Worker } from './worker.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(1000)));
});

function startWorker(
  ctx: { db: Parameters<typeof insertJobs>[0] },
  jobs: ReadonlyArray<JobDefinition<unknown>>,
  leaseMs = 60_000,
) {
  const worker = new Worker(ctx.db, createRegistry(jobs), {
    concurrency: 4,
    pollMs: 20,
    leaseMs,
    log,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const uniqueName = (base: string) => `${base}.${Math.random().toString(36).slice(2, 8)}`;

describeEachEngine('job worker', ({ ctx }) => {
  it('dead-letters a job that fails every attempt, keeping its last error', async () => {
    let calls = 0;
    const failing = defineJob({
      name: uniqueName('test.failing'),
      payload: z.object({}),
      maxAttempts: 3,
      backoffMs: () => 0,
      async handler() {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
    });
    const [id] = await insertJobs(ctx().db, [{ name: failing.name, maxAttempts: 3 }]);
    startWorker(ctx(), [failing]);
    const job = await waitFor(async () => {
      const row = await findJob(ctx().db, id!);
      return row?.state === 'dead' ? row : undefined;
    });
    expect(calls).toBe(3);
    expect(job.attempts).toBe(3);
    expect(job.lastError).toBe('boom 3');
  });

  it('retries with the backoff the job asks for, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const flaky = defineJob({
      name: uniqueName('test.flaky'),
      payload: z.object({ n: z.number() }),
      backoffMs: (attempt) => {
        delays.push(attempt);
        return 50;
      },
      async handler() {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
      },
    });
    const [id] = await insertJobs(ctx().db, [{ name: flaky.name, payload: { n: 1 } }]);
    startWorker(ctx(), [flaky]);
    const job = await waitFor(async () => {
      const row = await findJob(ctx().db, id!);
      return row?.state === 'done' ? row : undefined;
    });
    expect(job.attempts).toBe(3);
    expect(delays).toEqual([1, 2]);
    expect(job.lastError).toBeNull();
  });

  it('dead-letters a job whose payload does not match its schema, and one with no handler', async () => {
    const typed = defineJob({
      name: uniqueName('test.typed'),
      payload: z.object({ n: z.number() }),
      maxAttempts: 1,
      async handler() {},
    });
    const [bad, orphan] = await insertJobs(ctx().db, [
      { name: typed.name, payload: { n: 'not a number' }, maxAttempts: 1 },
      { name: uniqueName('test.nobody-handles-this'), maxAttempts: 5 },
    ]);
    startWorker(ctx(), [typed]);
    const badJob = await waitFor(async () =>
      (await findJob(ctx().db, bad!))?.state === 'dead' ? findJob(ctx().db, bad!) : undefined,
    );
    expect(badJob?.lastError).toMatch(/number/);
    const orphanJob = await waitFor(async () =>
      (await findJob(ctx().db, orphan!))?.state === 'dead' ? findJob(ctx().db, orphan!) : undefined,
    );
    expect(orphanJob?.lastError).toMatch(/No handler/);
    expect(orphanJob?.attempts).toBe(1);
  });

  it('enqueues a job with a unique key only once', async () => {
    const key = uniqueName('unique');
    const first = await insertJobs(ctx().db, [{ name: 'test.unique', uniqueKey: key }]);
    const second = await insertJobs(ctx().db, [{ name: 'test.unique', uniqueKey: key }]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('picks up a job again when the worker that held it stopped renewing its lease', async () => {
    let runs = 0;
    const job = defineJob({
      name: uniqueName('test.orphaned'),
      payload: z.object({}),
      async handler() {
        runs += 1;
      },
    });
    const [id] = await insertJobs(ctx().db, [{ name: job.name }]);
    // A worker that claims and then vanishes (as after SIGKILL): it never completes or renews.
    const claimed = await claimJobs(ctx().db, 'vanished-worker', 1000, 300);
    expect(claimed.map((row) => row.id)).toContain(id);
    startWorker(ctx(), [job]);
    const done = await waitFor(async () =>
      (await findJob(ctx().db, id!))?.state === 'done' ? findJob(ctx().db, id!) : undefined,
    );
    expect(runs).toBe(1);
    expect(done?.attempts).toBe(2);
  });

  it('dead-letters a job whose worker died on its last attempt', async () => {
    const job = defineJob({
      name: uniqueName('test.killer'),
      payload: z.object({}),
      maxAttempts: 1,
      async handler() {},
    });
    const [id] = await insertJobs(ctx().db, [{ name: job.name, maxAttempts: 1 }]);
    await claimJobs(ctx().db, 'vanished-worker', 1000, 100);
    startWorker(ctx(), [job]);
    const dead = await waitFor(async () =>
      (await findJob(ctx().db, id!))?.state === 'dead' ? findJob(ctx().db, id!) : undefined,
    );
    expect(dead?.lastError).toMatch(/Gave up after 1 attempts/);
  });

  it('keeps the event loop responsive while draining a backlog', async () => {
    const quick = defineJob({
      name: uniqueName('test.quick'),
      payload: z.object({}),
      async handler() {},
    });
    await insertJobs(
      ctx().db,
      Array.from({ length: 2000 }, () => ({ name: quick.name })),
    );
    const worker = startWorker(ctx(), [quick]);
    const lags: number[] = [];
    while (worker.completed < 2000) {
      const asked = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      lags.push(Date.now() - asked);
    }
    // Before the worker yielded to the event loop, a timer here waited for the whole drain (seconds).
    expect(Math.max(...lags)).toBeLessThan(500);
  });

  it('on stop, finishes quick jobs and hands long ones back to the queue', async () => {
    const started = new Set<string>();
    const slow = defineJob({
      name: uniqueName('test.slow'),
      payload: z.object({ ms: z.number() }),
      async handler({ ms }, { signal }) {
        started.add(String(ms));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (signal.aborted) throw new Error('aborted');
      },
    });
    const [quick, long] = await insertJobs(ctx().db, [
      { name: slow.name, payload: { ms: 100 } },
      { name: slow.name, payload: { ms: 60_000 } },
    ]);
    const worker = startWorker(ctx(), [slow]);
    await waitFor(async () => (started.size === 2 ? true : undefined));
    await worker.stop(500);
    expect((await findJob(ctx().db, quick!))?.state).toBe('done');
    const released = await findJob(ctx().db, long!);
    expect(released?.state).toBe('queued');
    expect(released?.attempts).toBe(0);
  });

  it('runs each of 500 jobs exactly once with two workers sharing the queue', async () => {
    const seen = new Map<number, number>();
    const counting = defineJob({
      name: uniqueName('test.count'),
      payload: z.object({ i: z.number() }),
      async handler({ i }) {
        seen.set(i, (seen.get(i) ?? 0) + 1);
      },
    });
    await insertJobs(
      ctx().db,
      Array.from({ length: 500 }, (_, i) => ({ name: counting.name, payload: { i } })),
    );
    const a = startWorker(ctx(), [counting]);
    const b = startWorker(ctx(), [counting]);
    await waitFor(async () => (seen.size === 500 ? true : undefined), 30_000);
    const [row] = await queryRows<{ done: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS done FROM jobs WHERE name = ${counting.name} AND state = 'done'`,
    );
    await waitFor(async () => (a.completed + b.completed === 500 ? true : undefined));
    expect(row?.done).toBeGreaterThan(0);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(a.completed + b.completed).toBe(500);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { insertJobs } from '../server/jobs/queue.repository.ts';
import {
  createPrivateDatabase,
  postgresAvailable,
  type PrivateDatabase,
} from './helpers/postgres.ts';
import { freePort, startTsx, waitForReady, type RunningProcess } from './helpers/processes.ts';

const FIXTURE = 'e2e/fixtures/hearken-with-test-jobs.ts';
const JOBS = 10_000;

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Several processes sharing one queue needs a real PostgreSQL server (PGlite lives inside one process).
describe.runIf(postgresAvailable())('jobs across processes on PostgreSQL', () => {
  let db: PrivateDatabase;
  const processes: RunningProcess[] = [];
  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(db.database.db, query))[0]?.n ?? 0;

  beforeAll(async () => {
    db = await createPrivateDatabase();
    await db.database.db.execute(
      sql`CREATE TABLE e2e_job_runs (job_id bigint NOT NULL, pid int NOT NULL, kind text NOT NULL)`,
    );
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop('SIGKILL')));
    await db?.drop();
  });

  function start(roles: string, env: Record<string, string> = {}) {
    const process = startTsx(FIXTURE, {
      DATABASE_URL: db.url,
      HEARKEN_ROLES: roles,
      JOB_POLL_MS: '50',
      ...env,
    });
    processes.push(process);
    return process;
  }

  it(`two API and two worker processes complete ${JOBS} jobs, none twice`, async () => {
    const apiPorts = [await freePort(), await freePort()];
    const apis = apiPorts.map((port) => start('api,scheduler', { PORT: String(port) }));
    const workers = [
      start('worker', { WORKER_CONCURRENCY: '8' }),
      start('worker', { WORKER_CONCURRENCY: '8' }),
    ];
    await Promise.all(apiPorts.map((port) => waitForReady(`http://127.0.0.1:${port}`)));
    await Promise.all(workers.map((worker) => worker.waitForOutput(/e2e-fixture-ready/)));

    for (let batch = 0; batch < JOBS / 1000; batch += 1) {
      await insertJobs(
        db.database.db,
        Array.from({ length: 1000 }, (_, i) => ({
          name: 'e2e.count',
          payload: { i: batch * 1000 + i },
        })),
      );
      // The API processes keep serving while the workers drain the queue.
      for (const port of apiPorts)
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    }
    await waitUntil(
      async () =>
        (await count(
          sql`SELECT count(*)::int AS n FROM jobs WHERE name = 'e2e.count' AND state = 'done'`,
        )) === JOBS,
      180_000,
      'all jobs done',
    );

    expect(await count(sql`SELECT count(*)::int AS n FROM e2e_job_runs WHERE kind = 'count'`)).toBe(
      JOBS,
    );
    expect(
      await count(
        sql`SELECT count(DISTINCT job_id)::int AS n FROM e2e_job_runs WHERE kind = 'count'`,
      ),
    ).toBe(JOBS);
    const perProcess = await queryRows<{ pid: number; n: number }>(
      db.database.db,
      sql`SELECT pid, count(*)::int AS n FROM e2e_job_runs GROUP BY pid`,
    );
    expect(perProcess).toHaveLength(2);
    expect(perProcess.every((row) => row.n > 0)).toBe(true);
    const exitCodes = await Promise.all(
      [...apis, ...workers].map((process) => process.stop('SIGTERM')),
    );
    expect(exitCodes).toEqual([0, 0, 0, 0]);
  }, 300_000);

  it('a job whose worker is killed with SIGKILL mid-run is picked up by another worker', async () => {
    const doomed = start('worker', { JOB_LEASE_MS: '1500' });
    await doomed.waitForOutput(/e2e-fixture-ready/);
    const [id] = await insertJobs(db.database.db, [{ name: 'e2e.slow-first-time' }]);
    await waitUntil(
      async () =>
        (await count(
          sql`SELECT count(*)::int AS n FROM e2e_job_runs WHERE job_id = ${id!} AND kind = 'started'`,
        )) === 1,
      30_000,
      'job started',
    );
    await doomed.stop('SIGKILL');

    const rescuer = start('worker', { JOB_LEASE_MS: '1500' });
    await rescuer.waitForOutput(/e2e-fixture-ready/);
    await waitUntil(
      async () =>
        (await count(
          sql`SELECT count(*)::int AS n FROM jobs WHERE id = ${id!} AND state = 'done'`,
        )) === 1,
      30_000,
      'job done',
    );
    const [job] = await queryRows<{ attempts: number }>(
      db.database.db,
      sql`SELECT attempts FROM jobs WHERE id = ${id!}`,
    );
    expect(job?.attempts).toBe(2);
    const runs = await queryRows<{ pid: number }>(
      db.database.db,
      sql`SELECT pid FROM e2e_job_runs WHERE job_id = ${id!} ORDER BY pid`,
    );
    expect(new Set(runs.map((run) => run.pid)).size).toBe(2);
    expect(await rescuer.stop('SIGTERM')).toBe(0);
  }, 120_000);
});

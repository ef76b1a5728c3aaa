import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createLogger } from '../logger.ts';
import { describeEachEngine } from '../test/engines.ts';
import { nextRun, Scheduler } from './scheduler.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

describeEachEngine('scheduler', ({ ctx }) => {
  it('enqueues each due slot exactly once, even with two schedulers ticking together', async () => {
    const name = `every-minute-${Math.random().toString(36).slice(2, 8)}`;
    const schedule = { name, cron: '* * * * *', jobName: `test.${name}` };
    const a = new Scheduler(ctx().db, [schedule], log, 60_000);
    const b = new Scheduler(ctx().db, [schedule], log, 60_000);
    await a.start();
    await b.start();
    const inTwoMinutes = new Date(Date.now() + 120_000);
    const fired = await Promise.all([a.tick(inTwoMinutes), b.tick(inTwoMinutes)]);
    await a.stop();
    await b.stop();
    const jobs = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE name = ${schedule.jobName}`,
    );
    expect(jobs[0]?.n).toBe(1);
    expect(fired.reduce((sum, n) => sum + n, 0)).toBe(1);
    const [row] = await queryRows<{ next: Date }>(
      ctx().db,
      sql`SELECT next_run_at AS next FROM job_schedules WHERE name = ${name}`,
    );
    expect(new Date(row!.next).getTime()).toBeGreaterThan(inTwoMinutes.getTime());
  });

  it('does nothing before the slot is due', async () => {
    const name = `daily-${Math.random().toString(36).slice(2, 8)}`;
    const scheduler = new Scheduler(
      ctx().db,
      [{ name, cron: '0 4 * * *', jobName: `test.${name}` }],
      log,
      60_000,
    );
    await scheduler.start();
    expect(await scheduler.tick(new Date(Date.now() - 1000))).toBe(0);
    await scheduler.stop();
  });
});

it('computes the next cron slot in UTC and rejects impossible expressions', () => {
  expect(nextRun('30 2 * * *', new Date('2026-01-01T03:00:00Z')).toISOString()).toBe(
    '2026-01-02T02:30:00.000Z',
  );
  expect(() => nextRun('not a cron', new Date())).toThrow();
});

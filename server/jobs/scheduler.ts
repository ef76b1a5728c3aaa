import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db } from '../db/client.ts';
import { insertJobs } from './queue.repository.ts';

export interface Schedule {
  /** Stable name; renaming a schedule creates a new one. */
  name: string;
  cron: string;
  jobName: string;
  payload?: unknown;
}

export function nextRun(cron: string, after: Date): Date {
  const next = new Cron(cron, { timezone: 'UTC' }).nextRun(after);
  if (!next) throw new Error(`Cron expression "${cron}" never fires`);
  return next;
}

/**
 * Turns cron schedules into jobs. Several scheduler processes may run: each due slot is taken
 * under a row lock and enqueued with a unique key, so it produces exactly one job.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly schedules: Schedule[],
    private readonly log: Logger,
    private readonly tickMs = 1000,
  ) {}

  async start(): Promise<void> {
    for (const schedule of this.schedules) {
      nextRun(schedule.cron, new Date()); // fail fast on a bad expression
      await this.db.execute(
        sql`INSERT INTO job_schedules (name, cron, job_name, payload, next_run_at)
            VALUES (${schedule.name}, ${schedule.cron}, ${schedule.jobName},
              ${JSON.stringify(schedule.payload ?? {})}::jsonb, ${nextRun(schedule.cron, new Date()).toISOString()})
            ON CONFLICT (name) DO UPDATE SET job_name = excluded.job_name, payload = excluded.payload,
              cron = excluded.cron,
              next_run_at = CASE WHEN job_schedules.cron = excluded.cron
                THEN job_schedules.next_run_at ELSE excluded.next_run_at END`,
      );
    }
    this.timer = setInterval(() => {
      this.ticking ??= this.tick()
        .then(() => undefined)
        .catch((error) => this.log.error({ err: error }, 'scheduler tick failed'))
        .finally(() => (this.ticking = undefined));
    }, this.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** Enqueues every due slot once; returns the number of jobs enqueued. */
  async tick(now = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await queryRows<{
        name: string;
        cron: string;
        jobName: string;
        payload: unknown;
        nextRunAt: string | Date;
      }>(
        tx as unknown as Db,
        sql`SELECT name, cron, job_name AS "jobName", payload, next_run_at AS "nextRunAt"
            FROM job_schedules WHERE next_run_at <= ${now.toISOString()}::timestamptz
            FOR UPDATE SKIP LOCKED`,
      );
      for (const schedule of due) {
        const slot = new Date(schedule.nextRunAt);
        await insertJobs(tx as unknown as Db, [
          {
            name: schedule.jobName,
            payload: schedule.payload,
            uniqueKey: `schedule:${schedule.name}:${slot.toISOString()}`,
          },
        ]);
        // Skip missed slots after downtime: one catch-up run, then the next future slot.
        await tx.execute(
          sql`UPDATE job_schedules SET last_run_at = ${now.toISOString()}::timestamptz,
                next_run_at = ${nextRun(schedule.cron, now).toISOString()}::timestamptz
              WHERE name = ${schedule.name}`,
        );
      }
      return due.length;
    });
  }
}

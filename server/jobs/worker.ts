import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { exponentialBackoff, type JobDefinition, type JobRegistry } from './job.ts';
import {
  absorbQueuedJobs,
  claimJobs,
  completeJob,
  extendLeases,
  failJob,
  releaseJobs,
  requeueExpiredJobs,
  type ClaimedJob,
} from './queue.repository.ts';

export interface WorkerOptions {
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  log: Logger;
}

interface RunningJob {
  promise: Promise<void>;
  abort: AbortController;
}

/**
 * Claims jobs from the queue and runs their handlers, up to `concurrency` at a time.
 * Any number of workers, in any number of processes, can share one queue.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<number, RunningJob>();
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Jobs completed by this worker since start; read by benchmarks and health output. */
  completed = 0;

  constructor(
    private readonly db: Db,
    private readonly registry: JobRegistry,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    if (this.loop) return;
    this.loop = this.run();
    this.heartbeat = setInterval(
      () => {
        extendLeases(this.db, [...this.running.keys()], this.id, this.options.leaseMs).catch(
          (error) => this.options.log.warn({ err: error }, 'could not extend job leases'),
        );
      },
      Math.max(250, Math.floor(this.options.leaseMs / 3)),
    );
    this.heartbeat.unref();
  }

  /** Tells an idle worker to look for work now rather than at its next poll. */
  nudge(): void {
    this.wake?.();
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for running jobs to finish, then hands the rest
   * back to the queue so another worker picks them up at once.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.nudge();
    await this.loop;
    const pending = [...this.running.values()].map((job) => job.promise);
    const finished = await Promise.race([
      Promise.allSettled(pending).then(() => true),
      delay(timeoutMs).then(() => false),
    ]);
    if (!finished) {
      for (const job of this.running.values()) job.abort.abort();
      await releaseJobs(this.db, [...this.running.keys()], this.id);
    }
    clearInterval(this.heartbeat);
  }

  private async run(): Promise<void> {
    let lastSweep = 0;
    while (!this.stopping) {
      // PGlite answers through promise callbacks only: without a turn of the event loop here, a
      // busy worker would starve HTTP requests, timers and lease renewal in the same process.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (Date.now() - lastSweep >= SWEEP_INTERVAL_MS) {
        lastSweep = Date.now();
        await requeueExpiredJobs(this.db).catch((error) =>
          this.options.log.error({ err: error }, 'could not requeue expired jobs'),
        );
      }
      const free = this.options.concurrency - this.running.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(this.db, this.id, free, this.options.leaseMs);
        } catch (error) {
          this.options.log.error({ err: error }, 'could not claim jobs');
        }
        // Fewer jobs than free slots: nothing else was waiting, so there is nothing to merge.
        const queueEmpty = claimed.length < free;
        for (const job of claimed) this.execute(job, queueEmpty);
      }
      // A full batch suggests more work is waiting: go straight back unless every slot is busy.
      if (claimed.length === free && free > 0 && this.running.size < this.options.concurrency)
        continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private execute(job: ClaimedJob, queueEmpty: boolean): void {
    const abort = new AbortController();
    const promise = this.handle(job, abort.signal, queueEmpty).finally(() => {
      this.running.delete(job.id);
      this.nudge();
    });
    this.running.set(job.id, { promise, abort });
  }

  /**
   * The job's payload, with queued jobs of its kind merged in on its first attempt. Skipped when
   * the claim found the queue empty: at a trickle, merging would cost a statement per job for nothing.
   */
  private coalesce(
    job: ClaimedJob,
    definition: JobDefinition<unknown>,
    queueEmpty: boolean,
  ): Promise<unknown> {
    if (!definition.coalesce || job.attempts !== 1 || queueEmpty)
      return Promise.resolve(job.payload);
    return absorbQueuedJobs(this.db, job, this.id, definition.coalesce);
  }

  private async handle(job: ClaimedJob, signal: AbortSignal, queueEmpty: boolean): Promise<void> {
    const log = this.options.log.child({
      jobId: job.id,
      job: job.name,
      workspaceId: job.workspaceId,
    });
    const definition = this.registry.get(job.name);
    try {
      if (!definition) throw new Error(`No handler is registered for job "${job.name}"`);
      if (job.attempts > job.maxAttempts) {
        throw new Error(`Gave up after ${job.maxAttempts} attempts; the last one never finished`);
      }
      const merged = await this.coalesce(job, definition, queueEmpty);
      if (merged === undefined) return; // the lease ran out: another worker has the job now
      const payload = definition.payload.parse(merged);
      await definition.handler(payload, {
        db: this.db,
        jobId: job.id,
        attempt: job.attempts,
        workspaceId: job.workspaceId,
        log,
        signal,
      });
      if (await completeJob(this.db, job.id, this.id)) this.completed += 1;
    } catch (error) {
      if (signal.aborted) return; // released at shutdown; not the job's fault
      const message = error instanceof Error ? error.message : String(error);
      const outOfAttempts = !definition || job.attempts >= job.maxAttempts;
      const retryInMs = outOfAttempts
        ? null
        : (definition.backoffMs ?? exponentialBackoff)(job.attempts);
      log[outOfAttempts ? 'error' : 'warn'](
        { err: error, attempt: job.attempts },
        outOfAttempts ? 'job dead-lettered' : 'job failed; will retry',
      );
      await failJob(this.db, job.id, this.id, message, retryInMs).catch((failError) =>
        log.error({ err: failError }, 'could not record job failure'),
      );
    }
  }
}

/** How often a worker looks for jobs whose worker died; cheap (a partial index on running jobs). */
const SWEEP_INTERVAL_MS = 1000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

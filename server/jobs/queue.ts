import type { Db } from '../db/client.ts';
import { insertJobs, type NewJob } from './queue.repository.ts';

/**
 * Enqueues jobs. Pass a transaction as `db` to enqueue atomically with the change that causes
 * the job: if the change rolls back, so does the job.
 */
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {}

  async enqueue(job: NewJob, db: Db = this.db): Promise<number | undefined> {
    const [id] = await insertJobs(db, [job]);
    this.notify();
    return id;
  }

  async enqueueMany(jobs: NewJob[], db: Db = this.db): Promise<number[]> {
    const ids = await insertJobs(db, jobs);
    this.notify();
    return ids;
  }

  /** Lets a worker in this process start on new work without waiting for its next poll. */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wakes this process's workers after jobs were enqueued by SQL outside this class. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

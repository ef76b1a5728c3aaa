import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';

export interface JobContext {
  db: Db;
  jobId: number;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  workspaceId: string | null;
  log: Logger;
  /** Aborted when the worker is shutting down and the job should stop early if it can. */
  signal: AbortSignal;
}

/**
 * One kind of background work. Handlers may run more than once for the same job (a retry after
 * a crash), so they must be idempotent: a second run leaves the same state as the first.
 */
export interface JobDefinition<Payload = unknown> {
  name: string;
  payload: z.ZodType<Payload>;
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based); defaults to exponential backoff. */
  backoffMs?: (attempt: number) => number;
  /**
   * Jobs of this kind whose payload is a list under `field` (feedback ids, raw item ids) may be
   * merged: on its first attempt a claimed job takes in other queued, never-tried jobs of its
   * kind and workspace, up to `max` entries in all. One survey answer at a time queues one job
   * per answer; under load the worker then runs a few large jobs instead of hundreds of tiny
   * ones, each with its claim, transaction and completion. Only jobs whose other payload fields are
   * equal merge. The handler must accept `max` entries.
   */
  coalesce?: { field: string; max: number };
  handler(payload: Payload, context: JobContext): Promise<void>;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** 1 s, 2 s, 4 s ... capped at one hour, with ±20 % jitter so retries do not stampede. */
export function exponentialBackoff(attempt: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export type JobRegistry = ReadonlyMap<string, JobDefinition<unknown>>;

export function createRegistry(definitions: ReadonlyArray<JobDefinition<unknown>>): JobRegistry {
  const registry = new Map<string, JobDefinition<unknown>>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    registry.set(definition.name, definition);
  }
  return registry;
}

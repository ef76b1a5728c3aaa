/**
 * Messages between the ingest bench (parent) and its Hearken process (bench/lib/ingest-server.ts),
 * over Node's IPC channel. Times are epoch milliseconds (`performance.timeOrigin + now()`), so the
 * two processes can be compared.
 */
export type ParentMessage =
  | { type: 'drain'; jobs: number; timeoutMs: number }
  | { type: 'verify' }
  | { type: 'baseline'; batchSize: number }
  | { type: 'stop' };

export interface ServerReady {
  type: 'ready';
  url: string;
  apiKey: string;
  engine: string;
}

export interface Drained {
  type: 'drained';
  startedAt: number;
  endedAt: number;
  /** Jobs the worker completed. */
  completed: number;
  timedOut: boolean;
  /** Longest event-loop stall in the worker's process during the drain, ms. */
  stallMs: number;
}

export interface Counts {
  rawItems: number;
  processed: number;
  received: number;
  dead: number;
  feedback: number;
  jobs: number;
  jobsDone: number;
  jobsDead: number;
  jobsRetried: number;
  contacts: number;
  accounts: number;
}

export interface Verified {
  type: 'verified';
  counts: Counts;
}

export interface BaselineDone {
  type: 'baseline-done';
  rows: number;
  ms: number;
}

export interface ServerFailed {
  type: 'error';
  message: string;
}

export type ChildMessage = ServerReady | Drained | Verified | BaselineDone | ServerFailed;

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

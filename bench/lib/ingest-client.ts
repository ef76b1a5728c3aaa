import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchBatch } from './ingest-data.ts';
import {
  epochMs,
  type ChildMessage,
  type ParentMessage,
  type ServerReady,
} from './ingest-protocol.ts';

const SERVER_SCRIPT = fileURLToPath(new URL('./ingest-server.ts', import.meta.url));

export interface HearkenProcess {
  ready: ServerReady;
  /** Sends one command and waits for the reply of the given type (one command at a time). */
  request<T extends ChildMessage['type']>(
    message: ParentMessage,
    reply: T,
    timeoutMs: number,
  ): Promise<Extract<ChildMessage, { type: T }>>;
  stop(): Promise<void>;
}

/** Starts bench/lib/ingest-server.ts and resolves once its API listens. */
export function startHearken(databaseUrl: string | undefined): Promise<HearkenProcess> {
  const args = ['--import', 'tsx', SERVER_SCRIPT, ...(databaseUrl ? [databaseUrl] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let exited = false;
  let onMessage: ((message: ChildMessage) => void) | undefined;
  let onExit: ((code: number | null) => void) | undefined;
  child.on('message', (message: ChildMessage) => onMessage?.(message));
  child.once('exit', (code) => {
    exited = true;
    onExit?.(code);
  });

  const request: HearkenProcess['request'] = (message, reply, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no "${reply}" from the Hearken process within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        onMessage = undefined;
        onExit = undefined;
      };
      onExit = (code) => {
        settle();
        reject(new Error(`the Hearken process exited with code ${code}`));
      };
      onMessage = (answer) => {
        settle();
        if (answer.type === 'error') reject(new Error(`Hearken process: ${answer.message}`));
        else if (answer.type !== reply)
          reject(new Error(`expected "${reply}", got "${answer.type}"`));
        else resolve(answer as Extract<ChildMessage, { type: typeof reply }>);
      };
      child.send(message);
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the Hearken process was not ready within 60 s'));
    }, 60_000);
    onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`the Hearken process exited with code ${code} before it was ready`));
    };
    onMessage = (message) => {
      clearTimeout(timer);
      onMessage = undefined;
      onExit = undefined;
      if (message.type !== 'ready') {
        child.kill('SIGKILL');
        reject(new Error(`expected "ready", got ${JSON.stringify(message)}`));
        return;
      }
      resolve({
        ready: message,
        request,
        async stop() {
          if (exited) return;
          const gone = new Promise<void>((done) => child.once('exit', () => done()));
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.send({ type: 'stop' } satisfies ParentMessage);
          await gone;
          clearTimeout(killer);
        },
      });
    };
  });
}

export interface PostRun {
  requests: number;
  items: number;
  accepted: number;
  duplicates: number;
  /** Requests that did not answer 202 with every item accepted. */
  failures: number;
  firstError: string | undefined;
  startedAt: number;
  endedAt: number;
  ms: number;
  /** Per-request latency, ms, in the order requests completed. */
  latencies: number[];
}

interface IngestReply {
  accepted: number;
  duplicates: number;
}

/**
 * POSTs `batches` to `/api/v1/feedback` with `clients` concurrent clients, each sending its next
 * batch when the previous one is answered. Bodies are serialised beforehand, so the clock measures
 * the server (and the loopback), not the generator.
 */
export async function postBatches(
  baseUrl: string,
  apiKey: string,
  batches: BenchBatch[],
  clients: number,
  requestTimeoutMs = 60_000,
): Promise<PostRun> {
  const run: PostRun = {
    requests: 0,
    items: 0,
    accepted: 0,
    duplicates: 0,
    failures: 0,
    firstError: undefined,
    startedAt: epochMs(),
    endedAt: 0,
    ms: 0,
    latencies: [],
  };
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < batches.length) {
      const batch = batches[next] as BenchBatch;
      next += 1;
      const sent = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/v1/feedback`, {
          method: 'POST',
          headers,
          body: batch.body,
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        const text = await response.text();
        run.latencies.push(performance.now() - sent);
        const reply = response.status === 202 ? (JSON.parse(text) as IngestReply) : undefined;
        run.accepted += reply?.accepted ?? 0;
        run.duplicates += reply?.duplicates ?? 0;
        if (!reply || reply.accepted !== batch.items) {
          run.failures += 1;
          run.firstError ??= `${response.status} ${text.slice(0, 300)}`;
        }
      } catch (error) {
        run.latencies.push(performance.now() - sent);
        run.failures += 1;
        run.firstError ??= error instanceof Error ? error.message : String(error);
      }
      run.requests += 1;
      run.items += batch.items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, batches.length) }, client));
  run.ms = performance.now() - started;
  run.endedAt = epochMs();
  return run;
}

/** Nearest-rank percentile (p in 0–100) of latencies, ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * While `work` runs, sends `GET /api/v1/me` (an API-key lookup: one small query) one at a time,
 * `intervalMs` apart, and returns each latency: how long a user of the API waits meanwhile.
 * Bounded by `work` and by `maxProbes`.
 */
export async function probeWhile(
  baseUrl: string,
  apiKey: string,
  work: Promise<unknown>,
  intervalMs: number,
  maxProbes = 5000,
): Promise<{ latencies: number[]; failures: number }> {
  let done = false;
  const finished = work.then(
    () => (done = true),
    () => (done = true),
  );
  const latencies: number[] = [];
  let failures = 0;
  for (let probe = 0; probe < maxProbes && !done; probe += 1) {
    const sent = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${apiKey}` },
        signal: AbortSignal.timeout(60_000),
      });
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
    } catch {
      failures += 1;
    }
    latencies.push(performance.now() - sent);
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, intervalMs))]);
  }
  return { latencies, failures };
}

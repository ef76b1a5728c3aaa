import { build as buildHistogram } from 'hdr-histogram-js';
import { Pool } from 'undici';

/**
 * An open-loop load generator: requests leave at a steady rate (one every 1/rate s), whether or
 * not earlier ones have been answered, and each latency is measured from when the request was
 * due to leave, not from when a free connection sent it. A slow server therefore shows up as
 * latency instead of as a load generator that politely waits (coordinated omission).
 *
 * autocannon's `overallRate` is not this: each connection sends its share of the second back to
 * back as soon as the second starts and then idles, so "300 req/s over 20 connections" is a burst
 * of 300 requests, 20 at a time, at the top of every second.
 */
export interface SteadyLoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  origin: string;
  rate: number;
  seconds: number;
  /** Connections the generator may open; requests queue for one when all are busy. */
  connections: number;
  request(index: number): {
    path: string;
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
  };
  /** The status a good answer has; anything else counts as an error. */
  expectedStatus: number;
}

export interface SteadyLoadResult {
  sent: number;
  errors: number;
  /** Requests answered per second, over the time from the first send to the last answer. */
  answeredPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The first error's message or unexpected status, to name what went wrong. */
  firstError?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function steadyLoad(options: SteadyLoadOptions): Promise<SteadyLoadResult> {
  const pool = new Pool(options.origin, {
    connections: options.connections,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  // Microseconds, 1 µs to 60 s, 3 significant digits.
  const histogram = buildHistogram({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const pending: Array<Promise<void>> = [];
  let errors = 0;
  let firstError: string | undefined;
  const fail = (reason: string) => {
    errors += 1;
    firstError ??= reason;
  };
  const start = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const { path, method, headers, body } = options.request(index);
    pending.push(
      pool
        .request({ path, method, headers, body })
        .then(async (response) => {
          await response.body.dump();
          histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
          if (response.statusCode !== options.expectedStatus) fail(`status ${response.statusCode}`);
        })
        .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error))),
    );
  }
  await Promise.all(pending);
  const elapsedMs = performance.now() - start;
  await pool.close();
  const ms = (percentile: number) => histogram.getValueAtPercentile(percentile) / 1000;
  return {
    sent: total,
    errors,
    answeredPerSecond: Math.round(((total - errors) * 1000) / elapsedMs),
    p50: ms(50),
    p90: ms(90),
    p99: ms(99),
    max: histogram.maxValue / 1000,
    firstError,
  };
}

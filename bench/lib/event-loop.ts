import { performance } from 'node:perf_hooks';

/**
 * Watches this process's event loop with a 10 ms interval timer and returns a function that
 * stops watching and gives the longest stall: the most a timer (or an incoming HTTP request)
 * had to wait beyond its due time. A loop that never yields reports the whole period.
 */
export function watchEventLoop(intervalMs = 10): () => number {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - intervalMs);
    last = now;
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return Math.max(worst, performance.now() - last - intervalMs, 0);
  };
}

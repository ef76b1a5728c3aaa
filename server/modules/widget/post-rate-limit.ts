import { errors } from '../../errors.ts';

/**
 * A fixed-window counter per key (a widget post), in this process's memory like the per-address
 * limits of @fastify/rate-limit. That plugin runs only one limit per request, so this second
 * limit, over all addresses together, is kept here.
 */
export function createWindowLimit(max: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one request for `key`; throws 429 with the seconds to wait when over the limit. */
    hit(key: string): void {
      const time = now();
      if (windows.size > 10_000)
        for (const [oldKey, window] of windows)
          if (time - window.start >= windowMs) windows.delete(oldKey);
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > max)
        throw errors.rateLimited(Math.ceil((window.start + windowMs - time) / 1000));
    },
  };
}

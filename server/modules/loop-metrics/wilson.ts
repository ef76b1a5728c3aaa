/**
 * A share with its 95 % Wilson score interval: honest at small n and near 0 or 1, where the
 * normal approximation gives intervals outside [0, 1]. With n = 0 nothing is known: rate null,
 * interval [0, 1].
 */
export interface Share {
  count: number;
  n: number;
  /** count / n, kept to four decimals; null when n = 0. */
  rate: number | null;
  low: number;
  high: number;
}

const Z_95 = 1.96;
const fourDecimals = (value: number) => Math.round(value * 10_000) / 10_000;

export function wilson(count: number, n: number, z = Z_95): Share {
  if (n <= 0) return { count, n: 0, rate: null, low: 0, high: 1 };
  if (count < 0 || count > n) throw new RangeError(`count ${count} is not within 0..${n}`);
  const p = count / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    count,
    n,
    rate: fourDecimals(p),
    low: fourDecimals(Math.max(0, centre - margin)),
    high: fourDecimals(Math.min(1, centre + margin)),
  };
}

/**
 * Spike detection over counts per window (a day, or the same hours of each day): is the latest
 * window unusually high (or low) against a rolling baseline of earlier windows?
 *
 * Method, chosen for sparse and bursty feedback counts:
 * - Baseline level: the mean of the history after winsorising (values above median + 3 robust
 *   standard deviations are clipped), so an earlier spike inside the baseline does not hide the
 *   next one. Half an observation is added (a Jeffreys-style pseudo-count) so a history of zeros
 *   still gives a small positive level instead of "anything is infinitely unusual".
 * - Dispersion: real counts vary more than Poisson (weekdays, campaigns). The variance of the
 *   winsorised history over its mean gives an overdispersion factor φ ≥ 1; the tail probability
 *   is that of a scaled Poisson (quasi-Poisson): X/φ ~ Poisson(λ/φ), through the regularised
 *   incomplete gamma function, so it stays exact for small counts where a z-score misleads.
 * - A claim needs enough history (7 windows by default), a one-sided p below `alpha`, a practical
 *   size (ratio ≥ 1.5, and at least 3 items for a rise) and, for a fall, a baseline of at least 5.
 */

export const SPIKE_DIRECTIONS = ['rise', 'fall'] as const;
export type SpikeDirection = (typeof SPIKE_DIRECTIONS)[number];
export const SPIKE_SEVERITIES = ['notable', 'high', 'extreme'] as const;
export type SpikeSeverity = (typeof SPIKE_SEVERITIES)[number];

export interface SpikeOptions {
  /** Windows of history needed before anything is claimed. */
  minHistory?: number;
  /** Fewest items in the window for a rise to count. */
  minCount?: number;
  /** Smallest ratio over baseline (or its inverse for a fall) worth reporting. */
  minRatio?: number;
  /** One-sided p-value below which a change is a spike. */
  alpha?: number;
  /** Smallest baseline level against which a fall can be judged. */
  minFallBaseline?: number;
}

export interface SpikeResult {
  status: 'spike' | 'normal' | 'insufficient_history';
  isSpike: boolean;
  direction: SpikeDirection | 'flat';
  current: number;
  /** The baseline level per window. */
  expected: number;
  /** current / expected. */
  ratio: number;
  /** (current − expected) / √(φ·expected). */
  zScore: number;
  /** One-sided tail probability in the direction of the change (1 when flat). */
  pValue: number;
  overdispersion: number;
  severity: SpikeSeverity | null;
  /** The usual range: expected ± 2 standard deviations, floored at 0. */
  band: { low: number; high: number };
  historyLength: number;
  sentence: string;
}

const DEFAULTS: Required<SpikeOptions> = {
  minHistory: 7,
  minCount: 3,
  minRatio: 1.5,
  alpha: 0.01,
  minFallBaseline: 5,
};

/** p-value thresholds of each severity, strictest last. */
const SEVERITY_THRESHOLDS: ReadonlyArray<[SpikeSeverity, number]> = [
  ['notable', 0.01],
  ['high', 0.001],
  ['extreme', 0.00001],
];

export function severityOf(pValue: number): SpikeSeverity | null {
  let found: SpikeSeverity | null = null;
  for (const [severity, threshold] of SEVERITY_THRESHOLDS) if (pValue < threshold) found = severity;
  return found;
}

export function severityRank(severity: SpikeSeverity): number {
  return SPIKE_SEVERITIES.indexOf(severity);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The baseline of a history: robust level, overdispersion and the clipped values. */
export function baselineOf(history: readonly number[]) {
  const centre = median(history);
  const mad = median(history.map((value) => Math.abs(value - centre)));
  // 1.4826·MAD estimates a standard deviation; √centre is the Poisson one, for flat histories.
  const spread = Math.max(1.4826 * mad, Math.sqrt(Math.max(centre, 1)));
  const cap = centre + 3 * spread;
  const clipped = history.map((value) => Math.min(Math.max(value, 0), cap));
  const n = clipped.length;
  const level = (clipped.reduce((sum, value) => sum + value, 0) + 0.5) / Math.max(n, 1);
  const variance =
    n > 1 ? clipped.reduce((sum, value) => sum + (value - level) ** 2, 0) / (n - 1) : level;
  return { level, overdispersion: Math.max(1, variance / level) };
}

export function detectSpike(
  history: readonly number[],
  current: number,
  options: SpikeOptions = {},
): SpikeResult {
  const settings = { ...DEFAULTS, ...options };
  const count = Math.max(0, current);
  const { level, overdispersion: phi } = baselineOf(history);
  const sd = Math.sqrt(phi * level);
  const ratio = count / level;
  const direction = count > level ? 'rise' : count < level ? 'fall' : 'flat';
  const pValue =
    direction === 'rise'
      ? gammaP(count / phi, level / phi)
      : direction === 'fall'
        ? gammaQ(count / phi + 1, level / phi)
        : 1;
  const base = {
    current: count,
    expected: level,
    ratio,
    zScore: (count - level) / sd,
    pValue,
    overdispersion: phi,
    band: { low: Math.max(0, level - 2 * sd), high: level + 2 * sd },
    historyLength: history.length,
  };
  if (history.length < settings.minHistory) {
    return {
      ...base,
      status: 'insufficient_history',
      isSpike: false,
      direction,
      severity: null,
      sentence: `Not enough history to judge: ${history.length} of ${settings.minHistory} days.`,
    };
  }
  const significant = pValue < settings.alpha;
  const isSpike =
    significant &&
    (direction === 'rise'
      ? count >= settings.minCount && ratio >= settings.minRatio
      : direction === 'fall' &&
        level >= settings.minFallBaseline &&
        ratio <= 1 / settings.minRatio);
  return {
    ...base,
    status: isSpike ? 'spike' : 'normal',
    isSpike,
    direction,
    severity: isSpike ? severityOf(pValue) : null,
    sentence: describe(count, level, ratio, pValue, isSpike),
  };
}

export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}

export function formatRatio(ratio: number): string {
  if (ratio >= 10) return String(Math.round(ratio));
  return ratio.toFixed(1);
}

function describe(count: number, level: number, ratio: number, p: number, isSpike: boolean) {
  const probability = formatPValue(p);
  if (!isSpike) return `Within the usual range (${formatRatio(ratio)}×, ${probability}).`;
  if (level < 0.5 && count > level)
    return `${count} where there are usually almost none (${probability})`;
  return `${formatRatio(ratio)}× the usual volume (${probability})`;
}

// --- Regularised incomplete gamma functions (Numerical Recipes §6.2), for Poisson tails. ---

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function lnGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  const shifted = z - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i += 1) sum += LANCZOS[i]! / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

function seriesP(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n += 1) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

function continuedFractionQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/** P(a, x): for integer k, P(k, λ) = Pr[Poisson(λ) ≥ k]. */
export function gammaP(a: number, x: number): number {
  if (a <= 0) return 1;
  if (x <= 0) return 0;
  return x < a + 1 ? seriesP(a, x) : 1 - continuedFractionQ(a, x);
}

/** Q(a, x) = 1 − P(a, x): for integer k, Q(k + 1, λ) = Pr[Poisson(λ) ≤ k]. */
export function gammaQ(a: number, x: number): number {
  if (a <= 0) return 0;
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - seriesP(a, x) : continuedFractionQ(a, x);
}

import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  detectSpike,
  formatPValue,
  gammaP,
  gammaQ,
  lnGamma,
  median,
  severityOf,
} from './spikes.ts';

/** Pr[Poisson(λ) ≥ k], summed directly, to check the gamma-function route against. */
function poissonUpperTail(k: number, lambda: number): number {
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < k; i += 1) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}

/** A deterministic history that looks like Poisson noise around `mean`. */
function noisyHistory(mean: number, days = 28): number[] {
  return Array.from({ length: days }, (_, day) =>
    Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sin(day * 2.3))),
  );
}

describe('Poisson tails', () => {
  it('matches ln Γ at known points', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('gives Poisson tail probabilities for small and large means', () => {
    for (const [k, lambda] of [
      [3, 1],
      [1, 0.2],
      [12, 5],
      [40, 25],
      [150, 120],
    ] as const) {
      expect(gammaP(k, lambda)).toBeCloseTo(poissonUpperTail(k, lambda), 10);
      expect(gammaQ(k, lambda)).toBeCloseTo(1 - poissonUpperTail(k, lambda), 10);
    }
    expect(gammaP(3, 1)).toBeCloseTo(1 - 2.5 / Math.E, 12);
  });

  it('keeps tiny tails accurate rather than rounding them to zero', () => {
    const p = gammaP(20, 1); // Pr[Poisson(1) ≥ 20] ≈ 2.1e-19
    expect(p).toBeGreaterThan(1e-19);
    expect(p).toBeLessThan(1e-18);
  });
});

describe('baseline', () => {
  it('is robust to an earlier spike inside the history', () => {
    const quiet = Array.from({ length: 28 }, () => 4);
    const withSpike = [...quiet.slice(0, 27), 80];
    expect(median(withSpike)).toBe(4);
    // The 80 is clipped near the usual level, so the baseline moves by well under one item.
    expect(baselineOf(withSpike).level - baselineOf(quiet).level).toBeLessThan(0.5);
  });

  it('stays positive over a history of zeros', () => {
    const { level, overdispersion } = baselineOf(Array.from({ length: 28 }, () => 0));
    expect(level).toBeGreaterThan(0);
    expect(level).toBeLessThan(0.05);
    expect(overdispersion).toBe(1);
  });
});

describe('detectSpike', () => {
  it('finds a sudden rise and says how unusual it is', () => {
    const result = detectSpike(noisyHistory(5), 17);
    expect(result).toMatchObject({ status: 'spike', isSpike: true, direction: 'rise' });
    expect(result.ratio).toBeGreaterThan(3);
    expect(result.pValue).toBeLessThan(0.001);
    expect(result.zScore).toBeGreaterThan(3);
    expect(result.severity).toMatch(/high|extreme/);
    expect(result.sentence).toMatch(/^3\.\d× the usual volume \(p < 0\.001\)$/);
    expect(result.band.high).toBeLessThan(17);
  });

  it('does not call ordinary noise a spike', () => {
    const history = noisyHistory(20);
    for (const current of [14, 20, 26]) {
      const result = detectSpike(history, current);
      expect(result.isSpike, `current ${current}`).toBe(false);
      expect(result.status).toBe('normal');
      expect(result.severity).toBeNull();
    }
  });

  it('makes no claim without enough history, however large the rise', () => {
    const result = detectSpike([0, 1, 0, 1, 0], 40);
    expect(result).toMatchObject({
      status: 'insufficient_history',
      isSpike: false,
      severity: null,
      historyLength: 5,
    });
    expect(result.sentence).toBe('Not enough history to judge: 5 of 7 days.');
    expect(detectSpike([], 3).status).toBe('insufficient_history');
  });

  it('handles zeros: a few items where there are usually none is a spike, one item is not', () => {
    const zeros = Array.from({ length: 28 }, () => 0);
    const three = detectSpike(zeros, 3);
    expect(three.isSpike).toBe(true);
    expect(three.sentence).toBe('3 where there are usually almost none (p < 0.001)');
    expect(Number.isFinite(three.ratio)).toBe(true);
    expect(detectSpike(zeros, 1).isSpike).toBe(false);
    expect(detectSpike(zeros, 0)).toMatchObject({ isSpike: false, direction: 'fall' });
  });

  it('needs a practical size as well as significance on large volumes', () => {
    // 1,000 a day: 1,150 is very significant but only 1.15×, not worth waking anyone.
    const result = detectSpike(noisyHistory(1000), 1150);
    expect(result.pValue).toBeLessThan(0.001);
    expect(result.isSpike).toBe(false);
  });

  it('widens the band for bursty subjects, so weekday/weekend swings are not spikes', () => {
    const week = [20, 20, 20, 20, 20, 2, 2];
    const history = [...week, ...week, ...week, ...week];
    expect(baselineOf(history).overdispersion).toBeGreaterThan(3);
    expect(detectSpike(history, 2).isSpike).toBe(false);
    expect(detectSpike(history, 26).isSpike).toBe(false);
    expect(detectSpike(history, 70).isSpike).toBe(true);
  });

  it('detects a fall only against a baseline large enough to judge', () => {
    const fall = detectSpike(noisyHistory(30), 4);
    expect(fall).toMatchObject({ isSpike: true, direction: 'fall' });
    expect(fall.sentence).toMatch(/^0\.1× the usual volume \(p < 0\.001\)$/);
    expect(detectSpike(noisyHistory(2), 0).isSpike).toBe(false);
  });

  it('grades severity by tail probability', () => {
    expect(severityOf(0.02)).toBeNull();
    expect(severityOf(0.005)).toBe('notable');
    expect(severityOf(0.0005)).toBe('high');
    expect(severityOf(1e-7)).toBe('extreme');
    expect(formatPValue(0.0042)).toBe('p = 0.0042');
    expect(formatPValue(0.00042)).toBe('p < 0.001');
  });
});

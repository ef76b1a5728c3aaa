import type { SentimentLabel } from '../types.ts';

/**
 * From raw valence sums to scores and labels. A score is VADER's normalisation of a sum into
 * (-1, 1); a label also asks whether the parts disagree: "mixed" needs both a clearly positive
 * and a clearly negative part, the weaker at least a fair share of the stronger.
 */
export const LABELS = {
  /** VADER's alpha: raw 1 → 0.25, 2 → 0.46, 4 → 0.72. */
  alpha: 15,
  /** |score| below this is neutral. */
  neutralBelow: 0.15,
  /** Each side's summed clause valence must reach this for "mixed"... */
  mixedMinimum: 0.4,
  /** ...and the weaker side must be at least this share of the stronger. */
  mixedBalance: 0.2,
  /** Whether contrast weights ("but" halves what came before) apply to the mixed test. */
  weighContrast: true,
};

export function normalise(raw: number): number {
  return raw / Math.sqrt(raw * raw + LABELS.alpha);
}

export function polarityOf(score: number): SentimentLabel {
  return score >= LABELS.neutralBelow
    ? 'positive'
    : score <= -LABELS.neutralBelow
      ? 'negative'
      : 'neutral';
}

/** The label for a text or sentence from its score and its parts' positive and negative mass. */
export function labelOf(score: number, positive: number, negative: number): SentimentLabel {
  const weaker = Math.min(positive, negative);
  const stronger = Math.max(positive, negative);
  if (weaker >= LABELS.mixedMinimum && weaker >= LABELS.mixedBalance * stronger) return 'mixed';
  return polarityOf(score);
}

export const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Who counts as a detractor, in one place: NPS 0–6, CSAT 1–2 (of 5), CES 5–7 (of 7, high effort).
 * Win-back surveys go to detractors whose case closed; a later score that is no longer a detractor
 * may upgrade the case's outcome to `won_back`.
 */
export const DETRACTOR_THRESHOLDS = {
  nps: { atMost: 6 },
  csat: { atMost: 2 },
  ces: { atLeast: 5 },
} as const;

export type ScoreType = keyof typeof DETRACTOR_THRESHOLDS;

export function isScoreType(value: string | null | undefined): value is ScoreType {
  return value === 'nps' || value === 'csat' || value === 'ces';
}

export function isDetractor(scoreType: string | null, score: number | null): boolean {
  if (score === null || !isScoreType(scoreType)) return false;
  const threshold: { atMost?: number; atLeast?: number } = DETRACTOR_THRESHOLDS[scoreType];
  if (threshold.atMost !== undefined) return score <= threshold.atMost;
  return threshold.atLeast !== undefined && score >= threshold.atLeast;
}

/** SQL condition text for "score_before is a detractor's", built from the same thresholds. */
export function detractorCondition(): string {
  return `((c.score_type = 'nps' AND c.score_before <= ${DETRACTOR_THRESHOLDS.nps.atMost})
    OR (c.score_type = 'csat' AND c.score_before <= ${DETRACTOR_THRESHOLDS.csat.atMost})
    OR (c.score_type = 'ces' AND c.score_before >= ${DETRACTOR_THRESHOLDS.ces.atLeast}))`;
}

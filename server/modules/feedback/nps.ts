/**
 * Net Promoter Score with its 95 % confidence interval. NPS = % promoters − % detractors, on a
 * scale of −100 to 100. Its variance follows from treating each answer as +1, 0 or −1:
 * var = (p_p + p_d − (p_p − p_d)²) / n, so the interval is nps ± z·√var·100, clamped to the scale.
 */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsSummary {
  responses: number;
  /** Kept to one decimal; round it for display. */
  nps: number;
  ciLow: number;
  ciHigh: number;
}

const Z_95 = 1.96;

export type NpsBucket = 'promoter' | 'passive' | 'detractor';

/** 9–10 promote, 7–8 are passive, 0–6 detract. */
export function npsBucket(score: number): NpsBucket {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new RangeError(`not an NPS score: ${score}`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number) => Math.min(100, Math.max(-100, value));

export function npsSummary(counts: NpsCounts, z = Z_95): NpsSummary {
  const responses = counts.promoters + counts.passives + counts.detractors;
  // No answers: nothing is known, so the interval spans the whole scale.
  if (responses === 0) return { responses, nps: 0, ciLow: -100, ciHigh: 100 };
  const promoterShare = counts.promoters / responses;
  const detractorShare = counts.detractors / responses;
  const difference = promoterShare - detractorShare;
  const variance = Math.max(0, (promoterShare + detractorShare - difference ** 2) / responses);
  const margin = z * Math.sqrt(variance) * 100;
  const nps = difference * 100;
  return {
    responses,
    nps: oneDecimal(nps),
    ciLow: oneDecimal(clamp(nps - margin)),
    ciHigh: oneDecimal(clamp(nps + margin)),
  };
}

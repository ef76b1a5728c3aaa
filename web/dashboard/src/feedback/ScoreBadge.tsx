import type { ScoreType } from '../types.ts';

const tones = { promoter: 'success', passive: 'warning', detractor: 'danger' } as const;

function npsGroup(score: number): keyof typeof tones {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** "NPS 9 · promoter"; the group is spelled out so colour is never the only signal. */
export function ScoreBadge({ type, score }: { type: ScoreType | null; score: number | null }) {
  if (type === null || score === null) return null;
  if (type === 'nps') {
    const group = npsGroup(score);
    return (
      <span className={`badge badge-${tones[group]}`}>
        NPS {score} · {group}
      </span>
    );
  }
  return (
    <span className="badge">
      {type.toUpperCase()} {score}
    </span>
  );
}

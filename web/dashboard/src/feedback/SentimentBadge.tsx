import type { SentimentLabel } from '../types.ts';
import { signedScore } from './analysisMarks.ts';

const tones: Record<SentimentLabel, string> = {
  positive: 'badge badge-success',
  negative: 'badge badge-danger',
  mixed: 'badge badge-warning',
  neutral: 'badge',
};

interface SentimentBadgeProps {
  label: SentimentLabel;
  score: number | null;
  /** Staff set the label by hand: the score (the model's) is left out, as it may disagree. */
  corrected?: boolean;
}

/** "Negative −0.62": the label is written out, so colour is never the only signal. */
export function SentimentBadge({ label, score, corrected = false }: SentimentBadgeProps) {
  const name = label[0]!.toUpperCase() + label.slice(1);
  if (corrected) {
    return (
      <span className={tones[label]} title="Sentiment set by staff">
        {name} · corrected
      </span>
    );
  }
  return (
    <span className={tones[label]} title="Sentiment, from −1 (negative) to +1 (positive)">
      {name}
      {score === null ? '' : ` ${signedScore(score)}`}
    </span>
  );
}

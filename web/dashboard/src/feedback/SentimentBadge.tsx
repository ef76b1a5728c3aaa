import type { SentimentLabel } from '../types.ts';

const tones: Record<SentimentLabel, string> = {
  positive: 'badge badge-success',
  negative: 'badge badge-danger',
  mixed: 'badge badge-warning',
  neutral: 'badge',
};

/** "Negative −0.62": the label is written out, so colour is never the only signal. */
export function SentimentBadge({ label, score }: { label: SentimentLabel; score: number | null }) {
  const value =
    score === null ? '' : ` ${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score).toFixed(2)}`;
  return (
    <span className={tones[label]} title="Sentiment, from −1 (negative) to +1 (positive)">
      {label[0]!.toUpperCase() + label.slice(1)}
      {value}
    </span>
  );
}

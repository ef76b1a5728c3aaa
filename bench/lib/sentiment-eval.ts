/** Loading a labelled sentiment set and scoring predictions against it (bench/sentiment.ts). */
import { readFileSync } from 'node:fs';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../server/modules/analysis/types.ts';

export interface LabelledItem {
  id: string;
  text: string;
  label: SentimentLabel;
  source: string;
  /** `dev` (rules were set on it), `test` (held out), or `corrections` (staff corrections). */
  split: string;
}

const LABELS = new Set<string>(SENTIMENT_LABELS);

/**
 * Reads JSONL lines `{id, text, label, source, split, tags}`; a line that does not parse or has
 * an unknown label stops the run with its line number rather than skewing the figures.
 */
export function loadLabelled(path: string, defaultSplit?: string): LabelledItem[] {
  const items: LabelledItem[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${path}:${index + 1}: not JSON`);
    }
    const { id, text, label, source, split } = row;
    if (typeof text !== 'string' || typeof label !== 'string' || !LABELS.has(label)) {
      throw new Error(
        `${path}:${index + 1}: needs a text and a label in ${SENTIMENT_LABELS.join(', ')}`,
      );
    }
    items.push({
      id: typeof id === 'string' ? id : `${path}:${index + 1}`,
      text,
      label: label as SentimentLabel,
      source: typeof source === 'string' ? source : 'unknown',
      split: defaultSplit ?? (typeof split === 'string' ? split : 'unknown'),
    });
  });
  return items;
}

export interface Scores {
  count: number;
  accuracy: number;
  /** Mean F1 over the four labels; a label never predicted and never expected is skipped. */
  macroF1: number;
  /** confusion[expected][predicted] */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

export function score(
  expected: readonly SentimentLabel[],
  predicted: readonly SentimentLabel[],
): Scores {
  const confusion = Object.fromEntries(
    SENTIMENT_LABELS.map((row) => [
      row,
      Object.fromEntries(SENTIMENT_LABELS.map((col) => [col, 0])),
    ]),
  ) as Scores['confusion'];
  let correct = 0;
  expected.forEach((label, index) => {
    const guess = predicted[index]!;
    confusion[label][guess] += 1;
    if (label === guess) correct += 1;
  });
  const f1s: number[] = [];
  for (const label of SENTIMENT_LABELS) {
    const truePositive = confusion[label][label];
    const expectedCount = SENTIMENT_LABELS.reduce((sum, col) => sum + confusion[label][col], 0);
    const predictedCount = SENTIMENT_LABELS.reduce((sum, row) => sum + confusion[row][label], 0);
    if (expectedCount === 0 && predictedCount === 0) continue;
    const precision = predictedCount > 0 ? truePositive / predictedCount : 0;
    const recall = expectedCount > 0 ? truePositive / expectedCount : 0;
    f1s.push(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0);
  }
  const count = expected.length;
  return {
    count,
    accuracy: count > 0 ? correct / count : Number.NaN,
    macroF1: f1s.length > 0 ? f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length : Number.NaN,
    confusion,
  };
}

import vader from 'vader-sentiment';
import { splitSentences } from '../text/sentences.ts';
import type { Sentiment, SentimentLabel, SentimentResult } from '../types.ts';

/**
 * First version: VADER's compound score per sentence. The customer-service engine replaces this
 * behind the same signature.
 */
export function analyseSentiment(text: string): SentimentResult {
  const sentences = splitSentences(text).map((span) => ({
    ...span,
    ...scoreOf(text.slice(span.start, span.end)),
  }));
  if (sentences.length === 0) return { score: 0, label: 'neutral', sentences, aspects: [] };
  const score = sentences.reduce((sum, sentence) => sum + sentence.score, 0) / sentences.length;
  const hasPositive = sentences.some((sentence) => sentence.label === 'positive');
  const hasNegative = sentences.some((sentence) => sentence.label === 'negative');
  const label: SentimentLabel = hasPositive && hasNegative ? 'mixed' : labelOf(score);
  return { score: round(score), label, sentences, aspects: [] };
}

function scoreOf(sentence: string): Sentiment {
  const score = vader.SentimentIntensityAnalyzer.polarity_scores(sentence).compound;
  return { score: round(score), label: labelOf(score) };
}

const labelOf = (score: number): SentimentLabel =>
  score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral';
const round = (value: number) => Math.round(value * 1000) / 1000;

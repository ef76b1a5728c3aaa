/**
 * What the text analysis says about one feedback item, as the API returns it on inbox items.
 * Offsets are UTF-16 indices into the item's text (JavaScript string indices), so they can be
 * highlighted as they are.
 */
import { SENTIMENT_LABELS } from '../types.ts';
import type { SentimentLabel } from '../types.ts';

export const MENTION_KINDS = [
  'person',
  'team',
  'brand',
  'product',
  'feature',
  'competitor',
] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'card', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSentiment extends Span {
  score: number;
  label: SentimentLabel;
}

export interface KeyPhrase extends Span {
  phrase: string;
}

export interface MentionSpan extends Span {
  kind: MentionKind;
  entityId: string;
  /** The directory's name for it, e.g. "Samantha Reed" for "Sam"; null once removed. */
  name: string | null;
  /** The words as written. */
  text: string;
  sentiment: { score: number; label: SentimentLabel };
}

export interface PersonalDataSpan extends Span {
  kind: PersonalDataKind;
}

/** A theme an item belongs to, as inbox items carry them. */
export interface ItemTheme {
  themeId: string;
  name: string;
  weight: number;
  /** 'staff' when someone set it by hand; kept across re-clustering. */
  source: 'auto' | 'staff';
}

export interface AspectSentiment extends SentenceSentiment {
  aspect: string;
}

export interface FeedbackAnalysis {
  version: number;
  language: string;
  languageConfidence: number;
  /** Parts that did not run for this language, e.g. ["sentiment"]. */
  notAnalysed: string[];
  truncated: boolean;
  sentiment: { score: number; label: SentimentLabel; corrected: boolean } | null;
  sentences: SentenceSentiment[];
  aspects: AspectSentiment[];
  keyPhrases: KeyPhrase[];
  mentions: MentionSpan[];
  /** Personal data found in the text, where the API shares it. */
  personalData?: PersonalDataSpan[];
  /** The earliest earlier item this one nearly repeats. */
  duplicateOf: string | null;
  analysedAt: string;
}

export function isSentimentLabel(value: string): value is SentimentLabel {
  return (SENTIMENT_LABELS as readonly string[]).includes(value);
}

export function isMentionKind(value: string): value is MentionKind {
  return (MENTION_KINDS as readonly string[]).includes(value);
}

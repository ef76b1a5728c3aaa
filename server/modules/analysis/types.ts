/**
 * The shapes every analyser returns. Offsets (`start`, `end`) are UTF-16 code-unit indices into the
 * text that was analysed (JavaScript string indices), so the dashboard can highlight them directly.
 */

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface Sentiment {
  /** From -1 (most negative) to 1 (most positive). */
  score: number;
  label: SentimentLabel;
}

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSentiment extends Sentiment, Span {}

/** The sentiment of the clause a key phrase sits in: "the app is great but support took days". */
export interface AspectSentiment extends Sentiment, Span {
  /** The key phrase, normalised as in `KeyPhrase.phrase`. */
  aspect: string;
}

export interface SentimentResult extends Sentiment {
  sentences: SentenceSentiment[];
  aspects: AspectSentiment[];
}

export interface LanguageResult {
  /** ISO 639-1 code, or `und` when the text carries no language (only emoji, numbers, URLs). */
  code: string;
  /** 0..1; short texts get low confidence. */
  confidence: number;
}

export interface KeyPhrase extends Span {
  /** Lower-case, lemmatised, e.g. "delivery delay" for "Deliveries were delayed". */
  phrase: string;
}

export const MENTION_KINDS = [
  'person',
  'team',
  'brand',
  'product',
  'feature',
  'competitor',
] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface Mention extends Span {
  kind: MentionKind;
  /** The directory entry it names. */
  entityId: string;
  /** The entry's canonical name, e.g. "Samantha Reed" for "Sam". */
  name: string;
  /** The words as written. */
  text: string;
  sentiment: Sentiment;
  /**
   * Set only when a first name fits several people and nothing in the text tells them apart
   * (see `findMentions`' `ambiguous` option); `entityId` and `name` are then the first of them.
   */
  candidates?: Array<{ entityId: string; name: string }>;
}

/** Who and what a workspace wants recognised in text. */
export interface Directory {
  people: ReadonlyArray<{
    id: string;
    name: string;
    nicknames: readonly string[];
    /** The person's team, so "Sam in billing" picks the right Sam. */
    teamId?: string | null | undefined;
  }>;
  teams: ReadonlyArray<{ id: string; name: string; aliases: readonly string[] }>;
  entities: ReadonlyArray<{
    id: string;
    kind: 'brand' | 'product' | 'feature' | 'competitor';
    name: string;
    aliases: readonly string[];
  }>;
}

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'card', 'address', 'iban'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
export interface PersonalDataSpan extends Span {
  kind: PersonalDataKind;
}

/** Which parts of the analysis ran; non-English text gets language (and what applies) only. */
export const ANALYSIS_PARTS = ['sentiment', 'keyPhrases', 'mentions'] as const;
export type AnalysisPart = (typeof ANALYSIS_PARTS)[number];

export interface TextAnalysis {
  /** Bumped when analysers change in a way that makes re-analysis worthwhile. */
  version: number;
  language: LanguageResult;
  /** Parts that did not run, because they do not apply to the language. */
  notAnalysed: AnalysisPart[];
  /** True when the text was longer than the analysed prefix. */
  truncated: boolean;
  sentiment: SentimentResult | null;
  keyPhrases: KeyPhrase[];
  mentions: Mention[];
  personalData: PersonalDataSpan[];
}

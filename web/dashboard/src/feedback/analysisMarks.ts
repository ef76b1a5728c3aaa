import type { Mark } from '../../../ui/highlight.ts';
import { humanize } from '../format.ts';
import type { FeedbackAnalysis, MentionKind, PersonalDataKind } from './analysis.ts';
import type { HighlightKind } from './HighlightedText.tsx';

export interface MarkLayers {
  sentences?: boolean;
  mentions?: boolean;
  phrases?: boolean;
  personal?: boolean;
}

const ALL_LAYERS: Required<MarkLayers> = {
  sentences: true,
  mentions: true,
  phrases: true,
  personal: true,
};

const MENTION_NOUNS: Record<MentionKind, string> = {
  person: 'Staff member',
  team: 'Team',
  brand: 'Brand',
  product: 'Product',
  feature: 'Feature',
  competitor: 'Competitor',
};

const PERSONAL_NOUNS: Record<PersonalDataKind, string> = {
  email: 'e-mail address',
  phone: 'phone number',
  card: 'card number',
  address: 'postal address',
};

/** "+0.62", "−0.40", "0.00": the sign is written, so a score reads without colour. */
export function signedScore(score: number): string {
  const sign = score > 0 ? '+' : score < 0 ? '−' : '';
  return `${sign}${Math.abs(score).toFixed(2)}`;
}

/**
 * The marks to draw on an item's text: sentences tinted by their mood (neutral ones are left
 * plain, so the tint means something), mentions, key phrases and personal data. Every mark has
 * a label that says in words what the colour or underline means.
 */
export function analysisMarks(
  analysis: FeedbackAnalysis | null | undefined,
  layers: MarkLayers = ALL_LAYERS,
): Mark<HighlightKind>[] {
  if (!analysis) return [];
  const show = { ...ALL_LAYERS, ...layers };
  const marks: Mark<HighlightKind>[] = [];
  // A sentence covering the whole text adds nothing the badge does not already say.
  const wholeText = analysis.sentences.length === 1;
  if (show.sentences && !wholeText) {
    for (const sentence of analysis.sentences) {
      if (sentence.label === 'neutral') continue;
      marks.push({
        start: sentence.start,
        end: sentence.end,
        kind: 'sentence',
        tone: sentence.label,
        label: `${humanize(sentence.label)} sentence (${signedScore(sentence.score)})`,
      });
    }
  }
  if (show.mentions) {
    for (const mention of analysis.mentions) {
      marks.push({
        start: mention.start,
        end: mention.end,
        kind: 'mention',
        tone: mention.sentiment.label,
        label: `${MENTION_NOUNS[mention.kind]}: ${mention.name ?? mention.text} (${mention.sentiment.label})`,
      });
    }
  }
  if (show.phrases) {
    for (const phrase of analysis.keyPhrases) {
      marks.push({
        start: phrase.start,
        end: phrase.end,
        kind: 'phrase',
        label: `Key phrase: ${phrase.phrase}`,
      });
    }
  }
  if (show.personal) {
    for (const span of analysis.personalData ?? []) {
      marks.push({
        start: span.start,
        end: span.end,
        kind: 'personal',
        label: `Personal data: ${PERSONAL_NOUNS[span.kind]}`,
      });
    }
  }
  return marks;
}

/** Mentions grouped by what they name, once each, in order of first appearance. */
export function distinctMentions(analysis: FeedbackAnalysis | null | undefined) {
  const seen = new Map<string, FeedbackAnalysis['mentions'][number]>();
  for (const mention of analysis?.mentions ?? []) {
    const key = `${mention.kind}:${mention.entityId}`;
    if (!seen.has(key)) seen.set(key, mention);
  }
  return [...seen.values()];
}

export function mentionNoun(kind: MentionKind): string {
  return MENTION_NOUNS[kind];
}

import type { AspectSentiment, KeyPhrase, SentenceSentiment, SentimentResult } from '../types.ts';
import { FORMULAS } from './domain-lexicon.ts';
import { LABELS, labelOf, normalise, polarityOf, round } from './label.ts';
import { EMOTICONS } from './lexicon.ts';
import { scoreSentence, type Clause, type SentenceScore } from './rules.ts';
import { tokenize } from './tokenizer.ts';
import { RULES } from './tuning.ts';

const FORMULA_WORDS = new Set(FORMULAS);
/** Greetings and sign-offs are at most this many words ("Kind regards, Accounts Payable"). */
const FORMULA_MAX_WORDS = 4;

/**
 * Hearken's sentiment engine for customer feedback: a score in [-1, 1] and a label (negative,
 * neutral, positive, mixed) for the text, each sentence, and each aspect. Aspects are the key
 * phrases the caller found (see `extractKeyPhrases`); each takes the sentiment of the clause it
 * sits in, so "the app is great but support took three days" is positive about the app and
 * negative about support. Linear in the text; offsets are UTF-16 indices into `text`.
 */
export function analyseSentiment(
  text: string,
  aspects: readonly KeyPhrase[] = [],
): SentimentResult {
  const { tokens, sentences: spans, capsContrast } = tokenize(text, EMOTICONS);
  const clauses: Clause[] = [];
  const scores: SentenceScore[] = [];
  for (const span of spans) scores.push(scoreSentence(tokens, span, capsContrast, clauses));
  silenceFormulas(scores, clauses);
  contrastSentences(scores, clauses);
  ironicPraise(scores, clauses);

  const sentences: SentenceSentiment[] = [];
  let raw = 0;
  let positive = 0;
  let negative = 0;
  for (let s = 0; s < scores.length; s += 1) {
    const score = scores[s]!;
    let sentencePositive = 0;
    let sentenceNegative = 0;
    for (let c = score.clauseFrom; c < score.clauseTo; c += 1) {
      const clauseRaw = clauses[c]!.raw * (LABELS.weighContrast ? clauses[c]!.weight : 1);
      if (clauseRaw > 0) sentencePositive += clauseRaw;
      else sentenceNegative -= clauseRaw;
    }
    positive += sentencePositive;
    negative += sentenceNegative;
    const next = scores[s + 1];
    const weight =
      (next?.contrastsPrevious ? RULES.concededWeight : 1) *
      (score.contrastsPrevious ? RULES.contrastedWeight : 1);
    raw += score.raw * weight;
    const value = normalise(score.raw);
    sentences.push({
      start: spans[s]!.start,
      end: spans[s]!.end,
      score: round(value),
      label: labelOf(value, sentencePositive, sentenceNegative),
    });
  }
  const value = normalise(raw);
  return {
    score: round(value),
    label: labelOf(value, positive, negative),
    sentences,
    aspects: aspects.map((aspect) => aspectSentiment(aspect, clauses)),
  };
}

/**
 * "Hi Ben," "Good morning," "Thanks, Facilities" "Kind regards, Tom": short sentences at the
 * start or end of a message that open with a formula carry no feeling, whatever VADER says of
 * "kind", "best" or "thanks". An exclamation ("Thanks so much!") is meant, so it counts.
 */
function silenceFormulas(scores: SentenceScore[], clauses: Clause[]): void {
  if (scores.length < 2) return;
  for (let s = 0; s < scores.length; s += 1) {
    const score = scores[s]!;
    const edge = s === 0 || s >= scores.length - 3;
    if (!edge || score.bangs > 0 || score.wordCount > FORMULA_MAX_WORDS) continue;
    if (!FORMULA_WORDS.has(score.firstWord)) continue;
    // "Best purchase this year." is no sign-off: a formula stands alone or before a comma.
    if (score.wordCount > 2 && (score.wordsBeforeComma === 0 || score.wordsBeforeComma > 3))
      continue;
    score.raw = 0;
    for (let c = score.clauseFrom; c < score.clauseTo; c += 1) clauses[c]!.raw = 0;
  }
}

/**
 * "The room was gorgeous. But we were charged for breakfast.": a sentence that answers the one
 * before with no feeling of its own means the opposite of it (and the reverse).
 */
function contrastSentences(scores: SentenceScore[], clauses: Clause[]): void {
  for (let s = 1; s < scores.length; s += 1) {
    const score = scores[s]!;
    const previous = scores[s - 1]!;
    if (!score.contrastsPrevious) continue;
    if (score.raw === 0 && previous.raw !== 0 && score.clauseTo > score.clauseFrom) {
      score.raw = -Math.sign(previous.raw) * RULES.impliedContrast;
      clauses[score.clauseFrom]!.raw = score.raw;
    } else if (previous.raw === 0 && score.raw !== 0 && previous.clauseTo > previous.clauseFrom) {
      previous.raw = -Math.sign(score.raw) * RULES.impliedContrast;
      clauses[previous.clauseFrom]!.raw = previous.raw;
    }
  }
}

/**
 * "Nine days late and the box was crushed. Impressive." A one- or two-word burst of praise that
 * names nothing, beside a complaint, is ironic: it turns against the rest.
 */
function ironicPraise(scores: SentenceScore[], clauses: Clause[]): void {
  if (scores.length < 2) return;
  let total = 0;
  for (const score of scores) total += score.raw;
  for (const score of scores) {
    if (score.wordCount > 2 || score.namingWords > 0 || score.raw <= 0) continue;
    if (total - score.raw > RULES.ironicRestBelow) continue;
    const flipped = score.raw * RULES.ironicScale;
    for (let c = score.clauseFrom; c < score.clauseTo; c += 1) {
      clauses[c]!.raw *= RULES.ironicScale;
    }
    total += flipped - score.raw;
    score.raw = flipped;
  }
}

/** The clause holding the start of the phrase; clauses are in text order. */
function aspectSentiment(aspect: KeyPhrase, clauses: readonly Clause[]): AspectSentiment {
  let low = 0;
  let high = clauses.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (clauses[middle]!.start <= aspect.start) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const clause = found >= 0 && aspect.start < clauses[found]!.end ? clauses[found] : undefined;
  const value = clause ? normalise(clause.raw) : 0;
  return {
    aspect: aspect.phrase,
    start: aspect.start,
    end: aspect.end,
    score: round(value),
    label: polarityOf(value),
  };
}

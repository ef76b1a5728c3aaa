import {
  FILLERS,
  LIGHT_WORDS,
  SOLVING,
  GRATITUDE,
  EMPTY_WORDS,
  REQUEST_OPENERS,
  ASKING_MODALS,
  ASKED,
} from './cue-words.ts';
import {
  applyDegree,
  findClosingQuote,
  hasShortQuote,
  ItemKind,
  items,
  readItems,
  releaseItems,
} from './items.ts';
import { Contrast, type Entry } from './lexicon.ts';
import { Kind, type SentenceTokens, type Token } from './tokenizer.ts';
import { RULES } from './tuning.ts';

/**
 * The rules that turn one sentence's tokens into clause valences: phrases first (items.ts), then
 * negation scope, degree words, capitals, irony cues, contrast weighting of clauses, and
 * punctuation emphasis. The constants are in tuning.ts, the cue words in cue-words.ts.
 */

export interface Clause {
  start: number;
  end: number;
  /** Sum of the clause's valences, before contrast weighting. */
  raw: number;
  weight: number;
}

export interface SentenceScore {
  /** Weighted clause valences with emphasis: the sentence's reading before normalisation. */
  raw: number;
  /** Range of this sentence's clauses in the output array. */
  clauseFrom: number;
  clauseTo: number;
  /** "But...", "X, however, Y.", "X though.": it answers, and outweighs, the sentence before. */
  contrastsPrevious: boolean;
  /** For the caller's check for greetings and sign-offs ("Hi Ben,", "Kind regards, Tom"). */
  wordCount: number;
  firstWord: string;
  /** Words that name something rather than judge it ("staff" in "Lovely staff."). */
  namingWords: number;
  /** Words before the first comma, 0 when none ("Kind regards, Tom" → 2). */
  wordsBeforeComma: number;
  bangs: number;
}

const MAX_REWEIGHTS = 8;

const isSentiment = (entry: Entry | null): entry is Entry =>
  entry !== null && (entry.valence !== 0 || !Number.isNaN(entry.negated));

/** Scores one sentence, appending its clauses to `clauses`. */
export function scoreSentence(
  tokens: readonly Token[],
  sentence: SentenceTokens,
  capsContrast: boolean,
  clauses: Clause[],
): SentenceScore {
  const count = readItems(tokens, sentence.from, sentence.to);
  const score = new SentenceReader(tokens, clauses, capsContrast).read(count);
  releaseItems();
  return score;
}

/** The state of reading one sentence left to right; a class so the hot loop makes no closures. */
class SentenceReader {
  private readonly clauseFrom: number;
  private clauseStart = 0; // first item of the current clause
  private clauseRaw = 0;
  private clauseHasWords = false;
  private clauseWeight = 1;
  private nextWeight = 1; // weight of the clauses after the current one
  private lastNegator = -100;
  private negatorKey = '';
  /** Content words since the negator: "not a single problem" denies "problem". */
  private negationReach = 0;
  /** First clause after a contrast inside the sentence, or -1. */
  private splitAt = -1;
  private splitAfterClause = false;
  private contrasts = 0;
  /** A negator was seen in this clause and nothing it could deny followed yet. */
  private denialOpen = false;
  /** A word of solving ("fixed", "sorted", "refunded") was seen in this clause. */
  private solving = false;
  /** What "thanks", "love" or "appreciate" added to this clause, until a complaint reveals irony. */
  private gratitude = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly clauses: Clause[],
    private readonly capsContrast: boolean,
  ) {
    this.clauseFrom = clauses.length;
  }

  read(count: number): SentenceScore {
    const { tokens } = this;
    let scareUntil = -1;
    const ironic = hasShortQuote(count);
    let bangs = 0;
    let questions = 0;
    let contrastsPrevious = false;
    let wordCount = 0;
    let firstWord = '';
    let secondWord = '';
    let wordsBeforeComma = 0;
    let namingWords = 0;
    for (let i = 0; i < count; i += 1) {
      const kind = items.kind[i]!;
      if (kind === ItemKind.Boundary) {
        const token = tokens[items.first[i]!]!;
        bangs += token.bangs;
        if (token.kind === Kind.Stop) questions = token.questions;
        else if (wordsBeforeComma === 0) wordsBeforeComma = wordCount;
        this.closeClause(i);
        continue;
      }
      if (kind === ItemKind.Quote) {
        scareUntil =
          i === scareUntil ? -1 : scareUntil < i ? findClosingQuote(i, count) : scareUntil;
        if (this.clauseStart === i) this.clauseStart = i + 1;
        continue;
      }
      if (kind === ItemKind.Face) {
        this.clauseHasWords = true;
        this.clauseRaw += weighNegative(items.face[i]!);
        continue;
      }
      const token = tokens[items.first[i]!]!;
      const entry = items.entry[i]!;
      wordCount += 1;
      if (wordCount === 1) firstWord = token.key;
      else if (wordCount === 2) secondWord = token.key;
      const contrast = contrastOf(entry, token.key, wordCount === 1);
      if (contrast === Contrast.Concessive) {
        // "Although the driver was friendly, ...": the clause it opens counts less, the rest more.
        if (wordCount === 1) {
          this.nextWeight = RULES.contrastedWeight;
          this.splitAfterClause = true;
        } else {
          this.closeClause(i);
          this.scaleEarlier(RULES.contrastedWeight);
          this.splitAt = this.clauses.length;
          this.nextWeight = 1;
        }
        this.clauseWeight = RULES.concededWeight;
        continue;
      }
      if (contrast === Contrast.Next) {
        if (wordCount === 1 || i + 1 >= count || items.kind[i + 1] === ItemKind.Boundary) {
          // "But...", "The drawers, though, stick." "Breakfast was sad though.": this sentence
          // answers the one before.
          contrastsPrevious = true;
        } else {
          // "Great app but support was slow": what follows outweighs what came before.
          this.closeClause(i);
          this.scaleEarlier(RULES.concededWeight);
          this.splitAt = this.clauses.length;
          this.clauseWeight = this.nextWeight = RULES.contrastedWeight;
        }
        continue;
      }
      this.clauseHasWords = true;
      if ((entry === null || !isSentiment(entry)) && !EMPTY_WORDS.has(token.key)) namingWords += 1;
      if (entry?.negator) {
        this.lastNegator = i;
        this.negatorKey = token.key;
        this.negationReach = 0;
        this.denialOpen = true;
      } else {
        if (SOLVING.has(token.key)) this.solving = true;
        if (this.denialOpen && !FILLERS.has(token.key)) this.denialOpen = false;
        if (!LIGHT_WORDS.has(token.key)) this.negationReach += 1;
      }
      if (entry === null) continue;
      if (!isSentiment(entry)) continue;
      if (entry.degree !== 0 && i + 1 < count && isSentiment(items.entry[i + 1] ?? null)) {
        continue; // "super helpful": a degree word here, not a feeling of its own
      }
      let valence = entry.valence;
      const negator = this.lastNegator;
      const negated =
        negator !== i && negator >= this.clauseStart && this.negationReach <= RULES.negationWindow;
      if (negated) {
        const before = tokens[items.first[i - 1]!]!.key;
        if (this.negatorKey === 'never' && (before === 'this' || before === 'so')) {
          valence *= RULES.neverThisBoost; // "never had service this smooth"
        } else {
          valence = Number.isNaN(entry.negated) ? valence * RULES.negationScalar : entry.negated;
        }
      }
      if (valence === 0) continue;
      valence = applyDegree(valence, i, this.clauseStart);
      if (this.capsContrast && token.caps)
        valence += valence > 0 ? RULES.capsBoost : -RULES.capsBoost;
      if (valence < 0 && this.solving && !negated) valence *= RULES.solvedScale;
      if (valence < 0 && this.gratitude > 0) {
        // "Thanks for the complimentary 5 hour delay": the thanks was ironic.
        this.clauseRaw -= this.gratitude * (1 - RULES.ironicScale);
        this.gratitude = 0;
      }
      if (valence > 0 && GRATITUDE.has(token.key) && !negated) this.gratitude += valence;
      if (valence > 0 && i < scareUntil) valence *= RULES.scareQuoteScale;
      else if (valence > 0 && ironic) valence *= RULES.ironicScale;
      this.clauseRaw += weighNegative(valence);
    }
    this.closeClause(count);
    this.impliedContrast();
    if (firstWord === 'why' && this.clauses.length > this.clauseFrom) {
      this.clauses[this.clauseFrom]!.raw += weighNegative(RULES.whyAsked); // "Why is my bill higher?"
    }

    let raw = 0;
    const { clauses, clauseFrom } = this;
    for (let c = clauseFrom; c < clauses.length; c += 1)
      raw += clauses[c]!.raw * clauses[c]!.weight;
    if (raw !== 0) {
      const emphasis = Math.min(bangs, RULES.maxBangs) * RULES.bangBoost;
      raw += raw > 0 ? emphasis : -emphasis;
      if (questions === 1 && bangs === 0 && firstWord !== 'why') raw *= RULES.questionScale;
      else if (questions > 1) raw += (raw > 0 ? 1 : -1) * Math.min(0.96, questions * 0.18);
      else if (
        REQUEST_OPENERS.has(firstWord) ||
        (ASKING_MODALS.has(firstWord) && ASKED.has(secondWord))
      ) {
        raw *= RULES.requestScale;
      }
    }
    const clauseTo = clauses.length;
    return {
      raw,
      clauseFrom,
      clauseTo,
      contrastsPrevious,
      wordCount,
      firstWord,
      wordsBeforeComma,
      namingWords,
      bangs,
    };
  }

  /** Ends the current clause at item `endItem` (exclusive); its span ends at its last word. */
  private closeClause(endItem: number): void {
    if (this.denialOpen && this.lastNegator >= this.clauseStart) {
      this.clauseRaw += weighNegative(RULES.ellipticalNegation);
    }
    this.denialOpen = false;
    this.solving = false;
    this.gratitude = 0;
    if (this.clauseHasWords) {
      let last = endItem - 1;
      while (last > this.clauseStart && items.kind[last]! >= ItemKind.Boundary) last -= 1;
      this.clauses.push({
        start: this.tokens[items.first[this.clauseStart]!]!.start,
        end: this.tokens[items.last[last]!]!.end,
        raw: this.clauseRaw,
        weight: this.clauseWeight,
      });
    }
    if (this.splitAfterClause) {
      this.splitAt = this.clauses.length;
      this.splitAfterClause = false;
    }
    this.clauseStart = endItem + 1;
    this.clauseRaw = 0;
    this.clauseHasWords = false;
    this.clauseWeight = this.nextWeight;
    this.lastNegator = -100;
  }

  /**
   * "Good selection, though the queues are long": when one side of a contrast carries feeling
   * and the other none, the other side means the opposite.
   */
  private impliedContrast(): void {
    const { clauses, clauseFrom, splitAt } = this;
    if (splitAt <= clauseFrom || splitAt >= clauses.length) return;
    let before = 0;
    let after = 0;
    for (let c = clauseFrom; c < splitAt; c += 1) before += clauses[c]!.raw;
    for (let c = splitAt; c < clauses.length; c += 1) after += clauses[c]!.raw;
    if (after === 0 && before !== 0)
      clauses[splitAt]!.raw = -Math.sign(before) * RULES.impliedContrast;
    else if (before === 0 && after !== 0) {
      clauses[splitAt - 1]!.raw = -Math.sign(after) * RULES.impliedContrast;
    }
  }

  /**
   * Reweighs the clauses so far. Only the first few contrasts of a sentence do, which keeps a
   * sentence of a thousand "but"s linear rather than quadratic.
   */
  private scaleEarlier(factor: number): void {
    this.contrasts += 1;
    if (this.contrasts > MAX_REWEIGHTS) return;
    for (let c = this.clauseFrom; c < this.clauses.length; c += 1) {
      this.clauses[c]!.weight *= factor;
    }
  }
}

/** Which contrast, if any, a word marks here; "though" and "while" concede when they open. */
function contrastOf(entry: Entry | null, key: string, atStart: boolean): Contrast {
  if (entry !== null && entry.contrast !== Contrast.None) {
    return atStart && key === 'though' ? Contrast.Concessive : entry.contrast;
  }
  return atStart && (key === 'while' || key === 'whilst') ? Contrast.Concessive : Contrast.None;
}

function weighNegative(valence: number): number {
  return valence < 0 ? valence * RULES.negativeWeight : valence;
}

import { ItemKind, items, readItems } from './items.ts';
import { Contrast, type Entry } from './lexicon.ts';
import { Kind, type SentenceTokens, type Token } from './tokenizer.ts';

/**
 * The rules that turn one sentence's tokens into clause valences: phrases first, then negation
 * scope, degree words, capitals, scare quotes, contrast weighting of clauses, and punctuation
 * emphasis. Constants on VADER's scale come from its paper (0.293 degree step, 0.733 for
 * capitals, 0.292 per "!", -0.74 for negation); the others were set on the dev split.
 */
export const RULES = {
  negationScalar: -0.74,
  /** How many items after a negator it still denies ("would not really recommend"). */
  negationWindow: 3,
  capsBoost: 0.733,
  degreeDecay: [1, 0.95, 0.9] as readonly number[],
  bangBoost: 0.292,
  maxBangs: 4,
  /** A single "?" asks rather than states. */
  questionScale: 0.6,
  /** "Please add...", "Could you send...": asking, not judging. */
  requestScale: 0.5,
  /** A clause that ends in a denial: "Outcome wasn't." "Nothing from anyone." */
  ellipticalNegation: -1.5,
  /** Positive words in short quotes are usually ironic: "the 'smart' thermostat". */
  scareQuoteScale: -0.4,
  concededWeight: 0.5,
  contrastedWeight: 1.5,
  /** Customers state problems more mildly than praise; negative readings count a bit more. */
  negativeWeight: 1,
};

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
  /** Starts with "But" or "However": it outweighs what came before. */
  opensWithContrast: boolean;
  /** For the caller's check for greetings and sign-offs ("Hi Ben,", "Kind regards, Tom"). */
  wordCount: number;
  firstWord: string;
  /** Words before the first comma, 0 when none ("Kind regards, Tom" → 2). */
  wordsBeforeComma: number;
  bangs: number;
}

/** Words that leave a denial open: "not so much", "nothing from anyone", "not yet". */
const FILLERS = new Set(
  'so much from anyone anybody one at all yet really either anymore again really though'.split(' '),
);
const REQUEST_OPENERS = new Set(['please', 'pls', 'plz', 'kindly']);
const ASKING_MODALS = new Set(['could', 'can', 'would', 'will']);
const ASKED = new Set(['you', 'u', 'someone', 'somebody', 'anyone', 'we', 'i']);

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
  return new SentenceReader(tokens, clauses, capsContrast).read(count);
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
  /** A negator was seen in this clause and nothing it could deny followed yet. */
  private denialOpen = false;

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
    let bangs = 0;
    let questions = 0;
    let opensWithContrast = false;
    let wordCount = 0;
    let firstWord = '';
    let secondWord = '';
    let wordsBeforeComma = 0;
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
        if (wordCount === 1) this.nextWeight = RULES.contrastedWeight;
        else {
          this.closeClause(i);
          this.scaleEarlier(RULES.contrastedWeight);
          this.nextWeight = 1;
        }
        this.clauseWeight = RULES.concededWeight;
        continue;
      }
      if (contrast === Contrast.Next) {
        if (wordCount === 1) {
          opensWithContrast = true;
          this.clauseWeight = this.nextWeight = RULES.contrastedWeight;
        } else if (i + 1 >= count || items.kind[i + 1] === ItemKind.Boundary) {
          // "Breakfast was sad though." The clause before the marker is the contrast.
          this.scaleEarlier(RULES.concededWeight);
          this.clauseWeight = RULES.contrastedWeight;
        } else {
          this.closeClause(i);
          this.scaleEarlier(RULES.concededWeight);
          this.clauseWeight = this.nextWeight = RULES.contrastedWeight;
        }
        continue;
      }
      this.clauseHasWords = true;
      if (entry?.negator) {
        this.lastNegator = i;
        this.denialOpen = true;
      } else if (this.denialOpen && !FILLERS.has(token.key)) this.denialOpen = false;
      if (entry === null) continue;
      if (!isSentiment(entry)) continue;
      if (entry.degree !== 0 && i + 1 < count && isSentiment(items.entry[i + 1] ?? null)) {
        continue; // "super helpful": a degree word here, not a feeling of its own
      }
      let valence = entry.valence;
      const negator = this.lastNegator;
      if (negator !== i && negator >= this.clauseStart && i - negator <= RULES.negationWindow) {
        valence = Number.isNaN(entry.negated) ? valence * RULES.negationScalar : entry.negated;
      }
      if (valence === 0) continue;
      valence = applyDegree(valence, i, this.clauseStart);
      if (this.capsContrast && token.caps)
        valence += valence > 0 ? RULES.capsBoost : -RULES.capsBoost;
      if (i < scareUntil && valence > 0) valence *= RULES.scareQuoteScale;
      this.clauseRaw += weighNegative(valence);
    }
    this.closeClause(count);

    let raw = 0;
    const { clauses, clauseFrom } = this;
    for (let c = clauseFrom; c < clauses.length; c += 1)
      raw += clauses[c]!.raw * clauses[c]!.weight;
    if (raw !== 0) {
      const emphasis = Math.min(bangs, RULES.maxBangs) * RULES.bangBoost;
      raw += raw > 0 ? emphasis : -emphasis;
      if (questions === 1 && bangs === 0) raw *= RULES.questionScale;
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
      opensWithContrast,
      wordCount,
      firstWord,
      wordsBeforeComma,
      bangs,
    };
  }

  /** Ends the current clause at item `endItem` (exclusive); its span ends at its last word. */
  private closeClause(endItem: number): void {
    if (this.denialOpen && this.lastNegator >= this.clauseStart) {
      this.clauseRaw += weighNegative(RULES.ellipticalNegation);
    }
    this.denialOpen = false;
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
    this.clauseStart = endItem + 1;
    this.clauseRaw = 0;
    this.clauseHasWords = false;
    this.clauseWeight = this.nextWeight;
    this.lastNegator = -100;
  }

  private scaleEarlier(factor: number): void {
    for (let c = this.clauseFrom; c < this.clauses.length; c += 1)
      this.clauses[c]!.weight *= factor;
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

/** Degree words up to three items back in the same clause ("really not very helpful"). */
function applyDegree(valence: number, i: number, clauseStart: number): number {
  let result = valence;
  for (let back = 1; back <= 3; back += 1) {
    const j = i - back;
    if (j < clauseStart || items.kind[j] !== ItemKind.Lexical) break;
    const degree = items.entry[j]?.degree ?? 0;
    if (degree === 0) continue;
    const scaled = degree * RULES.degreeDecay[back - 1]!;
    if (degree > 0) result += result > 0 ? scaled : -scaled;
    else result *= 1 + scaled;
  }
  return result;
}

/** A quote closed within five items marks a short quotation, read as possibly ironic. */
function findClosingQuote(open: number, count: number): number {
  for (let j = open + 2; j < count && j <= open + 5; j += 1) {
    if (items.kind[j] === ItemKind.Quote) return j;
  }
  return -1;
}

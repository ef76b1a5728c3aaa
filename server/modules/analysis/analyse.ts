import { detectLanguage } from './language.ts';
import { prepareText } from './limits.ts';
import {
  compileDirectory,
  findMentions,
  type FindMentionsOptions,
  type MentionMatcher,
} from './mentions/index.ts';
import { findPersonalData } from './redact.ts';
import { analyseSentiment } from './sentiment/index.ts';
import { extractKeyPhrases } from './themes/key-phrases.ts';
import type { AnalysisPart, Directory, Sentiment, SentimentResult, TextAnalysis } from './types.ts';

/** Bump when an analyser changes enough that stored results should be recomputed. */
export const ANALYSIS_VERSION = 3;

const NEUTRAL: Sentiment = { score: 0, label: 'neutral' };
const EMPTY_DIRECTORY = compileDirectory({ people: [], teams: [], entities: [] });

export interface AnalyseOptions {
  /** A compiled directory (see `compileDirectory`), reused across texts of one workspace. */
  mentions?: MentionMatcher;
  /** How mentions are found, e.g. `{ ambiguous: 'report' }` to keep names shared by several people. */
  mentionOptions?: FindMentionsOptions;
}

/**
 * Everything Hearken reads from one text, with no database: the server's analysis job and
 * `hearken analyze` both call this. English gets full analysis; other languages get language,
 * mentions and personal data, and the rest is marked as not analysed rather than guessed.
 */
export function analyseText(input: string, options: AnalyseOptions = {}): TextAnalysis {
  const { text, truncated } = prepareText(input);
  const language = detectLanguage(text);
  const english = isEnglish(text, language.code, language.confidence);
  const notAnalysed: AnalysisPart[] = english ? [] : ['sentiment', 'keyPhrases'];
  const keyPhrases = english ? extractKeyPhrases(text) : [];
  const found = findMentions(
    text,
    options.mentions ?? EMPTY_DIRECTORY,
    () => NEUTRAL,
    options.mentionOptions,
  );
  // Each key phrase is an aspect: it takes the sentiment of the clause it sits in. Mentions are
  // aspects too, so "the app is great but support took three days" does not praise support; a
  // name addressed on its own ("Sam, thank you so much") takes its sentence's feeling.
  const mentionAspects = found.map((m) => ({ phrase: m.text, start: m.start, end: m.end }));
  const full = english ? analyseSentiment(text, [...keyPhrases, ...mentionAspects]) : null;
  const sentiment = full && { ...full, aspects: full.aspects.slice(0, keyPhrases.length) };
  const mentions = found.map((mention, index) => {
    const clause = full?.aspects[keyPhrases.length + index];
    const own = clause && clause.label !== 'neutral';
    return {
      ...mention,
      sentiment: own
        ? { score: clause.score, label: clause.label }
        : addressed(text, mention.end)
          ? sentimentAt(sentiment, mention.start)
          : NEUTRAL,
    };
  });
  return {
    version: ANALYSIS_VERSION,
    language,
    notAnalysed,
    truncated,
    sentiment,
    keyPhrases,
    mentions,
    personalData: findPersonalData(text),
  };
}

export { compileDirectory };
export type { Directory };

/**
 * Short texts ("ok", "thanks!") are too short to place; Latin-script text that the detector
 * cannot place with confidence is treated as English, the workspace's working language.
 */
function isEnglish(text: string, code: string, confidence: number): boolean {
  if (code === 'en') return true;
  if (confidence >= 0.5) return false;
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((letter) => /[a-z]/i.test(letter)).length;
  return letters.length > 0 && latin / letters.length > 0.9;
}

/** A name followed by a comma or an exclamation: the sentence speaks to them ("Sam, thanks!"). */
function addressed(text: string, end: number): boolean {
  return /^\s*[,!]/.test(text.slice(end, end + 4));
}

function sentimentAt(sentiment: SentimentResult | null, offset: number): Sentiment {
  const sentence = sentiment?.sentences.find((span) => span.start <= offset && offset < span.end);
  return sentence ? { score: sentence.score, label: sentence.label } : NEUTRAL;
}

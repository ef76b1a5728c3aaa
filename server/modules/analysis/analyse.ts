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
export const ANALYSIS_VERSION = 2;

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
  // Each key phrase is an aspect: it takes the sentiment of the clause it sits in.
  const sentiment = english ? analyseSentiment(text, keyPhrases) : null;
  const mentions = findMentions(
    text,
    options.mentions ?? EMPTY_DIRECTORY,
    (start) => sentimentAt(sentiment, start),
    options.mentionOptions,
  );
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

function sentimentAt(sentiment: SentimentResult | null, offset: number): Sentiment {
  const sentence = sentiment?.sentences.find((span) => span.start <= offset && offset < span.end);
  return sentence ? { score: sentence.score, label: sentence.label } : NEUTRAL;
}

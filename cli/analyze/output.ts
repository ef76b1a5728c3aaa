import { findPersonalData, redact } from '../../server/modules/analysis/redact.ts';
import type { TextAnalysis } from '../../server/modules/analysis/types.ts';
import type { InputText } from './input.ts';

export interface RowOptions {
  /** Add each sentence's span and sentiment. */
  sentences: boolean;
  /** Print the text with personal data replaced by markers such as `[email]`. */
  redact: boolean;
}

/**
 * One output line: the text, its language, sentiment (score and label, or null where the language
 * is not analysed), key phrases with offsets, themes (on a single text: its distinct key phrases),
 * mentions and personal data. Offsets index the text as read (with --redact the printed text has
 * markers in place of personal data, so offsets after a marker no longer line up with it).
 */
export function analysisRow(input: InputText, analysis: TextAnalysis, options: RowOptions) {
  const sentiment = analysis.sentiment;
  return {
    line: input.line,
    // The analysis reads a bounded prefix; redaction covers the whole text.
    text: options.redact ? redact(input.text, findPersonalData(input.text)) : input.text,
    language: analysis.language,
    sentiment: sentiment ? { score: sentiment.score, label: sentiment.label } : null,
    ...(options.sentences ? { sentences: sentiment?.sentences ?? [] } : {}),
    keyPhrases: analysis.keyPhrases,
    themes: [...new Set(analysis.keyPhrases.map((phrase) => phrase.phrase))],
    mentions: analysis.mentions,
    personalData: analysis.personalData,
    ...(analysis.truncated ? { truncated: true } : {}),
    ...(analysis.notAnalysed.length > 0 ? { notAnalysed: analysis.notAnalysed } : {}),
  };
}

/** Most distinct phrases tallied; past it, phrases seen in only one text are forgotten. */
const MAX_PHRASES = 100_000;
const LINES_KEPT = 20;

/**
 * `--themes` over the whole input: the key phrases that recur across texts, most frequent first,
 * each with how many texts carry it and the first lines that do. Memory is bounded by the tally's
 * cap, not by the input. (Clustering phrases into named themes belongs to
 * `server/modules/analysis/themes/`; this tally is what the CLI reports until it is wired in.)
 */
export class ThemeTally {
  private readonly phrases = new Map<string, { texts: number; lines: number[] }>();

  add(line: number, phrases: readonly string[]): void {
    for (const phrase of new Set(phrases)) {
      const entry = this.phrases.get(phrase) ?? { texts: 0, lines: [] };
      entry.texts += 1;
      if (entry.lines.length < LINES_KEPT) entry.lines.push(line);
      this.phrases.set(phrase, entry);
    }
    if (this.phrases.size > MAX_PHRASES)
      for (const [phrase, entry] of this.phrases)
        if (entry.texts === 1) this.phrases.delete(phrase);
  }

  /** The `limit` most frequent phrases seen in at least two texts. */
  summary(limit = 50) {
    return [...this.phrases]
      .filter(([, entry]) => entry.texts >= 2)
      .sort((a, b) => b[1].texts - a[1].texts || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([phrase, entry]) => ({ theme: phrase, texts: entry.texts, lines: entry.lines }));
  }
}

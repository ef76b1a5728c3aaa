import { describe, expect, it } from 'vitest';
import { highlightRuns } from '../../../ui/highlight.ts';
import type { FeedbackAnalysis } from './analysis.ts';
import { analysisMarks, distinctMentions, signedScore } from './analysisMarks.ts';

const text = 'Sam was brilliant. Support took three days, call me on 020 7946 0000. Sam again.';

function analysis(overrides: Partial<FeedbackAnalysis> = {}): FeedbackAnalysis {
  return {
    version: 1,
    analysedAt: '2025-01-01T00:00:00Z',
    aspects: [],
    language: 'en',
    languageConfidence: 0.9,
    notAnalysed: [],
    truncated: false,
    sentiment: { score: 0.1, label: 'mixed', corrected: false },
    sentences: [
      { start: 0, end: 18, score: 0.62, label: 'positive' },
      { start: 19, end: 69, score: -0.4, label: 'negative' },
      { start: 70, end: 80, score: 0, label: 'neutral' },
    ],
    keyPhrases: [{ start: 19, end: 26, phrase: 'support' }],
    mentions: [
      {
        start: 0,
        end: 3,
        kind: 'person',
        entityId: 'p1',
        name: 'Samantha Reed',
        text: 'Sam',
        sentiment: { score: 0.62, label: 'positive' },
      },
      {
        start: 70,
        end: 73,
        kind: 'person',
        entityId: 'p1',
        name: 'Samantha Reed',
        text: 'Sam',
        sentiment: { score: 0, label: 'neutral' },
      },
    ],
    personalData: [{ start: 55, end: 68, kind: 'phone' }],
    duplicateOf: null,
    ...overrides,
  };
}

describe('analysisMarks', () => {
  it('tints positive and negative sentences and leaves neutral ones plain', () => {
    const sentences = analysisMarks(analysis()).filter((mark) => mark.kind === 'sentence');
    expect(sentences.map((mark) => [mark.start, mark.tone])).toEqual([
      [0, 'positive'],
      [19, 'negative'],
    ]);
    expect(sentences[0]!.label).toBe('Positive sentence (+0.62)');
    expect(sentences[1]!.label).toBe('Negative sentence (−0.40)');
  });

  it('labels mentions with the directory name, kind and mood, so colour is not the only signal', () => {
    const mention = analysisMarks(analysis()).find((mark) => mark.kind === 'mention')!;
    expect(mention.label).toBe('Staff member: Samantha Reed (positive)');
    expect(mention.tone).toBe('positive');
  });

  it('marks key phrases and personal data, and the runs still rebuild the exact text', () => {
    const marks = analysisMarks(analysis());
    expect(marks.find((mark) => mark.kind === 'phrase')!.label).toBe('Key phrase: support');
    expect(marks.find((mark) => mark.kind === 'personal')!.label).toBe(
      'Personal data: phone number',
    );
    const runs = highlightRuns(text, marks);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    const phone = runs.find((run) => run.text === '020 7946 0000')!;
    expect(phone.marks.map((mark) => mark.kind).sort()).toEqual(['personal', 'sentence']);
  });

  it('names a mention by its words once the directory entry is gone', () => {
    const gone = analysis();
    gone.mentions[0] = { ...gone.mentions[0]!, name: null };
    expect(analysisMarks(gone).find((mark) => mark.kind === 'mention')!.label).toBe(
      'Staff member: Sam (positive)',
    );
  });

  it('draws only the layers asked for', () => {
    const marks = analysisMarks(analysis(), { sentences: false, phrases: false });
    expect(new Set(marks.map((mark) => mark.kind))).toEqual(new Set(['mention', 'personal']));
  });

  it('skips the tint when one sentence is the whole text, and draws nothing without analysis', () => {
    const single = analysis({ sentences: [{ start: 0, end: 18, score: 0.6, label: 'positive' }] });
    expect(analysisMarks(single).some((mark) => mark.kind === 'sentence')).toBe(false);
    expect(analysisMarks(null)).toEqual([]);
    expect(analysisMarks(undefined)).toEqual([]);
  });
});

describe('distinctMentions', () => {
  it('keeps the first mention of each entity', () => {
    const mentions = distinctMentions(analysis());
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.start).toBe(0);
    expect(distinctMentions(null)).toEqual([]);
  });
});

describe('signedScore', () => {
  it('writes the sign', () => {
    expect(signedScore(0.5)).toBe('+0.50');
    expect(signedScore(-0.256)).toBe('−0.26');
    expect(signedScore(0)).toBe('0.00');
  });
});

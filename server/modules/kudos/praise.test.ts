import { describe, expect, it } from 'vitest';
import type { Mention } from '../analysis/types.ts';
import { findPraise, quoteOf, type PraiseSource } from './praise.ts';

const text = 'The parcel was late. Sam was wonderful though!';
const mention = (overrides: Partial<Mention> = {}): Mention => ({
  kind: 'person',
  entityId: 'p1',
  name: 'Samantha Reed',
  text: 'Sam',
  start: 21,
  end: 24,
  sentiment: { score: 0.6, label: 'positive' },
  ...overrides,
});
const item = (mentions: Mention[], sentimentLabel = 'mixed'): PraiseSource => ({
  feedbackId: 'f1',
  text,
  sentimentLabel,
  analysis: {
    mentions,
    sentiment: {
      score: 0.1,
      label: 'mixed',
      aspects: [],
      sentences: [
        { start: 0, end: 20, score: -0.4, label: 'negative' },
        { start: 21, end: text.length, score: 0.6, label: 'positive' },
      ],
    },
  },
});

describe('findPraise', () => {
  it('credits a positive mention with its sentence, once per item and person', () => {
    expect(findPraise([item([mention(), mention({ start: 21 })])])).toEqual([
      { feedbackId: 'f1', personId: 'p1', teamId: null, quote: 'Sam was wonderful though!' },
    ]);
  });

  it('credits teams, but not brands, negative mentions, negative items or ambiguous names', () => {
    const team = mention({ kind: 'team', entityId: 't1' });
    expect(findPraise([item([team])])[0]).toMatchObject({ personId: null, teamId: 't1' });
    expect(findPraise([item([mention({ kind: 'brand' })])])).toEqual([]);
    expect(
      findPraise([item([mention({ sentiment: { score: -0.5, label: 'negative' } })])]),
    ).toEqual([]);
    expect(findPraise([item([mention()], 'negative')])).toEqual([]);
    const ambiguous = mention({
      candidates: [
        { entityId: 'p1', name: 'Samantha Reed' },
        { entityId: 'p2', name: 'Sam Ortiz' },
      ],
    });
    expect(findPraise([item([ambiguous])])).toEqual([]);
  });

  it('quotes a whole text, folded and cut, when no words are given', () => {
    expect(quoteOf('  Great\n\nteam  ')).toBe('Great team');
    expect(quoteOf('x'.repeat(800))).toHaveLength(500);
  });
});

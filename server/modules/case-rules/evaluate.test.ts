import { describe, expect, it } from 'vitest';
import {
  assignmentSchema,
  caseConditionsSchema,
  caseRuleInput,
  deadlinesSchema,
} from './case-rules.schemas.ts';
import {
  caseTitle,
  evaluateRule,
  routeItem,
  type CaseRule,
  type RoutableItem,
} from './evaluate.ts';

const THEME = '11111111-1111-4111-8111-111111111111';
const TOUCHPOINT = '44444444-4444-4444-8444-444444444444';
const USER = '66666666-6666-4666-8666-666666666666';

function item(overrides: Partial<RoutableItem> = {}): RoutableItem {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    channel: 'survey',
    touchpointId: TOUCHPOINT,
    scoreType: 'nps',
    score: 3,
    text: 'Checkout keeps failing and I want a REFUND now.',
    accountTier: 'strategic',
    sentimentLabel: 'negative',
    themeIds: [THEME],
    ...overrides,
  };
}

let counter = 0;
function rule(conditions: unknown[], overrides: Partial<CaseRule> = {}): CaseRule {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    name: `rule ${counter}`,
    enabled: true,
    position: counter,
    kind: 'case',
    conditions: caseConditionsSchema.parse(conditions),
    assignment: assignmentSchema.parse({ strategy: 'user', userId: USER }),
    deadlines: deadlinesSchema.parse({}),
    mergeIntoOpen: true,
    ...overrides,
  };
}

describe('evaluateRule', () => {
  it('holds when every condition holds and says which', () => {
    const verdict = evaluateRule(
      rule([
        { type: 'detractor' },
        { type: 'score_at_most', scoreType: 'nps', value: 4 },
        { type: 'sentiment', labels: ['negative', 'mixed'] },
        { type: 'account_tier', tiers: ['strategic'] },
        { type: 'theme', themeIds: [THEME] },
        { type: 'touchpoint', ids: [TOUCHPOINT] },
        { type: 'channel', channels: ['survey'] },
        { type: 'keyword', words: ['refund'] },
      ]),
      item(),
    );
    expect(verdict).toEqual({
      matched: true,
      conditions: [
        { type: 'detractor', detail: 'NPS 3: detractor' },
        { type: 'score_at_most', detail: 'NPS 3 ≤ 4' },
        { type: 'sentiment', detail: 'negative sentiment' },
        { type: 'account_tier', detail: 'strategic account' },
        { type: 'theme', detail: 'theme (1)' },
        { type: 'touchpoint', detail: 'touchpoint' },
        { type: 'channel', detail: 'survey channel' },
        { type: 'keyword', detail: '“refund”' },
      ],
    });
  });

  it('names the first condition that fails', () => {
    expect(evaluateRule(rule([{ type: 'detractor' }]), item({ score: 7 }))).toEqual({
      matched: false,
      failed: 'detractor',
    });
    expect(
      evaluateRule(rule([{ type: 'detractor', scoreType: 'csat' }]), item({ score: 1 })),
    ).toMatchObject({ matched: false });
    expect(evaluateRule(rule([{ type: 'account_tier', tiers: ['small'] }]), item())).toMatchObject({
      failed: 'account_tier',
    });
    expect(evaluateRule(rule([], { enabled: false }), item())).toEqual({
      matched: false,
      failed: 'disabled',
    });
  });

  it('matches keywords as whole words in any case', () => {
    const refund = rule([{ type: 'keyword', words: ['refund', 'money back'] }]);
    expect(evaluateRule(refund, item({ text: 'REFUNDS please' })).matched).toBe(false);
    expect(evaluateRule(refund, item({ text: 'I want my Money\n back' })).matched).toBe(true);
    expect(evaluateRule(refund, item({ text: 'a (refund)!' })).matched).toBe(true);
  });

  it('treats promoters and positive words without a score as praise, not a low score', () => {
    const praise = rule([{ type: 'positive' }]);
    expect(evaluateRule(praise, item({ score: 10, sentimentLabel: 'positive' })).matched).toBe(
      true,
    );
    expect(evaluateRule(praise, item({ score: 2, sentimentLabel: 'positive' })).matched).toBe(
      false,
    );
    expect(
      evaluateRule(praise, item({ score: null, scoreType: null, sentimentLabel: 'positive' }))
        .matched,
    ).toBe(true);
    expect(
      evaluateRule(praise, item({ score: null, scoreType: null, sentimentLabel: 'neutral' }))
        .matched,
    ).toBe(false);
  });

  it('lets an empty condition list match every item', () => {
    expect(evaluateRule(rule([]), item({ score: null, scoreType: null })).matched).toBe(true);
  });
});

describe('routeItem', () => {
  it('takes the first enabled matching rule by position', () => {
    const late = rule([{ type: 'detractor' }], { position: 5 });
    const early = rule([{ type: 'detractor' }], { position: 1 });
    const disabled = rule([], { position: 0, enabled: false });
    const other = rule([{ type: 'channel', channels: ['email'] }], { position: 0 });
    expect(routeItem([late, disabled, other, early], item())?.rule.id).toBe(early.id);
    expect(routeItem([other], item())).toBeNull();
  });
});

describe('schemas', () => {
  it('refuses an assignment that names nobody and an unknown condition', () => {
    expect(assignmentSchema.safeParse({ strategy: 'round_robin' }).success).toBe(false);
    expect(assignmentSchema.safeParse({ strategy: 'user' }).success).toBe(false);
    expect(assignmentSchema.safeParse({ strategy: 'team' }).success).toBe(false);
    expect(assignmentSchema.safeParse({ strategy: 'account_owner' }).success).toBe(true);
    expect(caseConditionsSchema.safeParse([{ type: 'mood' }]).success).toBe(false);
    expect(deadlinesSchema.safeParse({ engage: { hours: 0 } }).success).toBe(false);
    expect(deadlinesSchema.safeParse({ triage: { hours: 2 } }).success).toBe(false);
    expect(deadlinesSchema.parse({ winback: { hours: 0 } })).toEqual({ winback: { hours: 0 } });
    expect(deadlinesSchema.safeParse({ winback: { hours: -1 } }).success).toBe(false);
    const parsed = caseRuleInput.parse({
      name: 'x',
      conditions: [],
      assignment: { strategy: 'account_owner' },
      deadlines: { engage: { hours: 4, businessHours: true } },
    });
    expect(parsed).toMatchObject({ kind: 'case', enabled: true, mergeIntoOpen: true });
  });
});

describe('caseTitle', () => {
  it('cuts long text at a word and names a bare score with its account', () => {
    const long = 'word '.repeat(40);
    const title = caseTitle({ text: long, scoreType: null, score: null }, null);
    expect(title.length).toBeLessThanOrEqual(81);
    expect(title.endsWith('…')).toBe(true);
    expect(caseTitle({ text: '  ', scoreType: 'nps', score: 3 }, 'Acme')).toBe('NPS 3 from Acme');
    expect(caseTitle({ text: '', scoreType: 'nps', score: 3 }, null)).toBe('NPS 3');
    expect(caseTitle({ text: 'Short one', scoreType: 'nps', score: 3 }, 'Acme')).toBe('Short one');
  });
});

import { describe, expect, it } from 'vitest';
import { conditionSchema, conditionsSchema, type Condition } from './alerts.schemas.ts';
import { matchesRule, matchesSpikeRule, type AlertItem } from './evaluate.ts';

const THEME = '11111111-1111-4111-8111-111111111111';
const OTHER_THEME = '22222222-2222-4222-8222-222222222222';
const RIVAL = '33333333-3333-4333-8333-333333333333';
const TOUCHPOINT = '44444444-4444-4444-8444-444444444444';

function item(overrides: Partial<AlertItem> = {}): AlertItem {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    channel: 'survey',
    touchpointId: TOUCHPOINT,
    scoreType: 'nps',
    score: 4,
    text: 'Checkout keeps failing and I want a REFUND. RivalCo never did this.',
    accountTier: 'strategic',
    sentimentLabel: 'negative',
    themeIds: [THEME],
    mentions: [{ kind: 'competitor', entityId: RIVAL }],
    ...overrides,
  };
}

const rule = (...conditions: unknown[]) => ({ conditions: conditionsSchema.parse(conditions) });

describe('matchesRule', () => {
  it('fires when every condition holds and says which held', () => {
    const matched = matchesRule(
      rule(
        { type: 'score_at_most', value: 6 },
        { type: 'sentiment', labels: ['negative'] },
        { type: 'account_tier', tiers: ['strategic'] },
        { type: 'theme', themeIds: [THEME] },
        { type: 'keyword', words: ['refund'] },
        { type: 'competitor' },
        { type: 'touchpoint', ids: [TOUCHPOINT] },
        { type: 'channel', channels: ['survey', 'email'] },
      ),
      item(),
    );
    expect(matched?.map((m) => m.type)).toEqual([
      'score_at_most',
      'sentiment',
      'account_tier',
      'theme',
      'keyword',
      'competitor',
      'touchpoint',
      'channel',
    ]);
    expect(matched?.[0]?.detail).toBe('NPS 4 ≤ 6');
    expect(matched?.[4]?.detail).toBe('“refund”');
  });

  it('does not fire when any one condition fails', () => {
    const all = [
      { type: 'score_at_most', value: 6 },
      { type: 'account_tier', tiers: ['strategic'] },
    ];
    expect(matchesRule(rule(...all), item({ score: 7 }))).toBeNull();
    expect(matchesRule(rule(...all), item({ accountTier: 'standard' }))).toBeNull();
    expect(matchesRule(rule(...all), item({ accountTier: null }))).toBeNull();
  });

  it('compares scores of the named type only, and never fires on an item without a score', () => {
    const csat = rule({ type: 'score_at_most', scoreType: 'csat', value: 2 });
    expect(matchesRule(csat, item({ scoreType: 'nps', score: 1 }))).toBeNull();
    expect(matchesRule(csat, item({ scoreType: 'csat', score: 2 }))).not.toBeNull();
    const any = rule({ type: 'score_at_most', value: 6 });
    expect(matchesRule(any, item({ score: null, scoreType: null }))).toBeNull();
    expect(matchesRule(any, item({ score: 6 }))).not.toBeNull();
    expect(matchesRule(any, item({ score: 0 }))).not.toBeNull();
  });

  it('matches keywords as whole words in any case, phrases across white space', () => {
    const keywords = rule({ type: 'keyword', words: ['refund', 'cancel my account', 'C++'] });
    const text = (value: string) => matchesRule(keywords, item({ text: value }));
    expect(text('I demand a Refund!')?.[0]?.detail).toBe('“refund”');
    expect(text('please CANCEL\n my   account')?.[0]?.detail).toBe('“cancel my account”');
    expect(text('refunds are slow')).toBeNull();
    expect(text('nonrefundable')).toBeNull();
    expect(text('refund_policy')).toBeNull();
    expect(text('we use C++ daily')).not.toBeNull();
    expect(text('Rückerstattung refund')).not.toBeNull();
  });

  it('treats keyword text as literal, not as a pattern', () => {
    const keywords = rule({ type: 'keyword', words: ['a.b'] });
    expect(matchesRule(keywords, item({ text: 'axb' }))).toBeNull();
    expect(matchesRule(keywords, item({ text: 'see a.b now' }))).not.toBeNull();
  });

  it('matches themes, mentions of a kind and named competitors', () => {
    expect(matchesRule(rule({ type: 'theme', themeIds: [OTHER_THEME] }), item())).toBeNull();
    expect(matchesRule(rule({ type: 'competitor', entityIds: [RIVAL] }), item())).not.toBeNull();
    expect(matchesRule(rule({ type: 'competitor', entityIds: [THEME] }), item())).toBeNull();
    expect(matchesRule(rule({ type: 'competitor' }), item({ mentions: [] }))).toBeNull();
    const brand = rule({ type: 'mention', kind: 'brand' });
    expect(matchesRule(brand, item())).toBeNull();
    expect(
      matchesRule(brand, item({ mentions: [{ kind: 'brand', entityId: RIVAL }] })),
    ).not.toBeNull();
  });

  it('never fires a spike rule for a feedback item', () => {
    expect(matchesRule(rule({ type: 'spike', subjects: ['theme'] }), item())).toBeNull();
    expect(matchesRule({ conditions: [] }, item())).toBeNull();
  });
});

describe('matchesSpikeRule', () => {
  const spike = {
    subjectKind: 'theme_negative' as const,
    direction: 'rise' as const,
    severity: 'high' as const,
    sentence: '3.4× the usual volume (p < 0.001)',
  };

  it('fires for a matching subject, direction and severity', () => {
    const matched = matchesSpikeRule(
      rule({ type: 'spike', subjects: ['theme'], minSeverity: 'notable' }),
      spike,
    );
    expect(matched).toEqual([
      { type: 'spike', detail: 'high rise: 3.4× the usual volume (p < 0.001)' },
    ]);
  });

  it('respects the minimum severity, the subjects and the direction', () => {
    expect(
      matchesSpikeRule(rule({ type: 'spike', subjects: ['theme'], minSeverity: 'extreme' }), spike),
    ).toBeNull();
    expect(matchesSpikeRule(rule({ type: 'spike', subjects: ['competitor'] }), spike)).toBeNull();
    expect(
      matchesSpikeRule(rule({ type: 'spike', subjects: ['theme'] }), {
        ...spike,
        direction: 'fall',
      }),
    ).toBeNull();
    expect(
      matchesSpikeRule(rule({ type: 'spike', subjects: ['theme'], direction: 'any' }), {
        ...spike,
        direction: 'fall',
      }),
    ).not.toBeNull();
    expect(matchesSpikeRule(rule({ type: 'channel', channels: ['email'] }), spike)).toBeNull();
  });
});

describe('condition validation', () => {
  const invalid = (condition: unknown) => !conditionSchema.safeParse(condition).success;

  it('bounds keywords in number and length and refuses empty ones', () => {
    expect(invalid({ type: 'keyword', words: [] })).toBe(true);
    expect(invalid({ type: 'keyword', words: ['   '] })).toBe(true);
    expect(invalid({ type: 'keyword', words: ['!!!'] })).toBe(true);
    expect(invalid({ type: 'keyword', words: ['x'.repeat(61)] })).toBe(true);
    expect(invalid({ type: 'keyword', words: Array.from({ length: 21 }, (_, i) => `w${i}`) })).toBe(
      true,
    );
    expect(invalid({ type: 'keyword', words: ['refund'] })).toBe(false);
  });

  it('refuses unknown fields, unknown types and out-of-range scores', () => {
    expect(invalid({ type: 'score_at_most', value: 11 })).toBe(true);
    expect(invalid({ type: 'score_at_most', value: 6, extra: 1 })).toBe(true);
    expect(invalid({ type: 'weather', value: 'rain' })).toBe(true);
    expect(invalid({ type: 'theme', themeIds: ['not-a-uuid'] })).toBe(true);
  });

  it('keeps a spike condition alone in its rule', () => {
    const mixed: Condition[] = [
      { type: 'spike', subjects: ['theme'], minSeverity: 'notable', direction: 'rise' },
      { type: 'score_at_most', value: 6 },
    ];
    expect(conditionsSchema.safeParse(mixed).success).toBe(false);
    expect(conditionsSchema.safeParse([]).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { decideDelivery, limitHoldUntil, segmentMatches, type GateFacts } from './gate.ts';

const now = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const facts = (over: Partial<GateFacts>): GateFacts => ({
  purpose: 'survey',
  suppression: null,
  hasContact: true,
  consent: null,
  policy: null,
  recent: [],
  openCase: false,
  now,
  ...over,
});
const policy = { name: 'Everyone', maxMessages: 2, windowHours: 24 * 7, minGapHours: 48 };

describe('decideDelivery', () => {
  it('never gates staff mail, even to a suppressed address', () => {
    expect(decideDelivery(facts({ purpose: 'internal', suppression: 'bounce' }))).toEqual({
      state: 'send',
    });
  });

  it('blocks a suppressed address; a reply only for bounces and complaints', () => {
    expect(decideDelivery(facts({ suppression: 'unsubscribe' }))).toEqual({
      state: 'blocked',
      reason: 'address suppressed (unsubscribe)',
    });
    expect(decideDelivery(facts({ purpose: 'reply', suppression: 'unsubscribe' }))).toEqual({
      state: 'send',
    });
    expect(decideDelivery(facts({ purpose: 'reply', suppression: 'complaint' }))).toMatchObject({
      state: 'blocked',
    });
  });

  it('sends replies without consent and outside contact limits', () => {
    const recent = [hoursAgo(1), hoursAgo(2), hoursAgo(3)];
    expect(decideDelivery(facts({ purpose: 'reply', policy, recent }))).toEqual({ state: 'send' });
  });

  it('allows surveys unless consent was withdrawn', () => {
    expect(decideDelivery(facts({ consent: null }))).toEqual({ state: 'send' });
    expect(decideDelivery(facts({ consent: false }))).toEqual({
      state: 'blocked',
      reason: 'consent withdrawn (surveys)',
    });
  });

  it('needs an explicit grant for follow-ups, announcements and product reviews', () => {
    for (const purpose of ['follow_up', 'announcement', 'product_review'] as const) {
      expect(decideDelivery(facts({ purpose, consent: null })).state).toBe('blocked');
      expect(decideDelivery(facts({ purpose, consent: false })).state).toBe('blocked');
      expect(decideDelivery(facts({ purpose, consent: true }))).toEqual({ state: 'send' });
    }
    expect(decideDelivery(facts({ purpose: 'follow_up', hasContact: false }))).toEqual({
      state: 'blocked',
      reason: 'no consent (follow_up)',
    });
  });

  it('holds a survey invitation while the contact has an open case, but not a follow-up', () => {
    expect(decideDelivery(facts({ openCase: true }))).toEqual({
      state: 'held',
      reason: 'open case',
      holdUntil: null,
    });
    expect(decideDelivery(facts({ purpose: 'follow_up', consent: true, openCase: true }))).toEqual({
      state: 'send',
    });
  });

  it('holds until the minimum gap has passed', () => {
    expect(decideDelivery(facts({ policy, recent: [hoursAgo(10)] }))).toEqual({
      state: 'held',
      reason: 'contact limit (Everyone)',
      holdUntil: new Date(hoursAgo(10).getTime() + 48 * 3_600_000),
    });
    expect(decideDelivery(facts({ policy, recent: [hoursAgo(49)] }))).toEqual({ state: 'send' });
  });

  it('applies limits to every customer purpose with consent', () => {
    const decision = decideDelivery(
      facts({ purpose: 'announcement', consent: true, policy, recent: [hoursAgo(1)] }),
    );
    expect(decision.state).toBe('held');
  });
});

describe('limitHoldUntil', () => {
  it('holds until the oldest message in a full window leaves it', () => {
    const noGap = { ...policy, minGapHours: 0 };
    expect(limitHoldUntil(noGap, [hoursAgo(100), hoursAgo(60)], now)).toEqual(
      new Date(hoursAgo(100).getTime() + 168 * 3_600_000),
    );
    expect(limitHoldUntil(noGap, [hoursAgo(200), hoursAgo(60)], now)).toBeNull();
  });

  it('takes the later of the gap and the window', () => {
    const until = limitHoldUntil(policy, [hoursAgo(150), hoursAgo(1)], now);
    expect(until).toEqual(new Date(hoursAgo(1).getTime() + 48 * 3_600_000));
  });

  it('allows anything without a policy', () => {
    expect(limitHoldUntil(null, [now, now, now], now)).toBeNull();
  });
});

describe('segmentMatches', () => {
  const contact = { accountTier: 'strategic', level: 'executive' };
  it('matches everyone with {}, and by account tier and level', () => {
    expect(segmentMatches({}, contact)).toBe(true);
    expect(segmentMatches({ accountTier: 'strategic' }, contact)).toBe(true);
    expect(segmentMatches({ accountTier: 'standard' }, contact)).toBe(false);
    expect(segmentMatches({ accountTier: 'strategic', level: 'manager' }, contact)).toBe(false);
    expect(segmentMatches({ region: 'emea' }, contact)).toBe(false);
  });
});

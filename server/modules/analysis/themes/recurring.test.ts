import { describe, expect, it } from 'vitest';
import { recurringState, weekStart, type WeekCount } from './recurring.ts';

const now = new Date('2026-03-19T12:00:00Z'); // a Thursday
const week = (weeksAgo: number, negative: number): WeekCount => ({
  weekStart: new Date(weekStart(now).getTime() - weeksAgo * 7 * 86_400_000),
  negative,
});
const none = { recurring: false, since: null };

describe('recurringState', () => {
  it('starts weeks on Monday (UTC)', () => {
    expect(weekStart(now).toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(weekStart(new Date('2026-03-16T00:00:00Z')).toISOString()).toBe(
      '2026-03-16T00:00:00.000Z',
    );
  });

  it('flags negative volume in at least 3 of the last 6 weeks, since the first such week', () => {
    const state = recurringState([week(5, 2), week(3, 4), week(1, 2), week(0, 0)], now, none);
    expect(state.recurring).toBe(true);
    expect(state.since).toEqual(week(5, 0).weekStart);
  });

  it('does not flag a burst in one or two weeks, weeks below the minimum, or old weeks', () => {
    expect(recurringState([week(0, 40), week(1, 30)], now, none).recurring).toBe(false);
    expect(recurringState([week(0, 1), week(1, 1), week(2, 1)], now, none).recurring).toBe(false);
    expect(recurringState([week(6, 5), week(7, 5), week(1, 5)], now, none).recurring).toBe(false);
  });

  it('keeps the earlier since while still recurring, and clears it when the pattern stops', () => {
    const since = new Date('2026-01-05T00:00:00Z');
    const weeks = [week(2, 3), week(1, 3), week(0, 3)];
    expect(recurringState(weeks, now, { recurring: true, since })).toEqual({
      recurring: true,
      since,
    });
    expect(recurringState([week(0, 3)], now, { recurring: true, since })).toEqual(none);
  });

  it('is cleared by a linked action', () => {
    const weeks = [week(2, 3), week(1, 3), week(0, 3)];
    expect(recurringState(weeks, now, none, undefined, true)).toEqual(none);
  });
});

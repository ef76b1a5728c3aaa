import { describe, expect, it } from 'vitest';
import {
  addBusinessHours,
  addDeadlineHours,
  defaultCalendar,
  isValidTimezone,
  type TeamCalendar,
} from './business-time.ts';

const at = (iso: string) => new Date(iso);
const berlin = defaultCalendar('Europe/Berlin');
const utc = defaultCalendar('UTC');

describe('addBusinessHours', () => {
  it('adds hours inside one working day', () => {
    // Wednesday 2026-11-25 10:00 UTC + 3 h = 13:00.
    expect(addBusinessHours(at('2026-11-25T10:00:00Z'), 3, utc).toISOString()).toBe(
      '2026-11-25T13:00:00.000Z',
    );
  });

  it('carries the rest into the next working morning', () => {
    // 15:00 + 4 h: 2 h today, 2 h from 09:00 tomorrow.
    expect(addBusinessHours(at('2026-11-25T15:00:00Z'), 4, utc).toISOString()).toBe(
      '2026-11-26T11:00:00.000Z',
    );
  });

  it('skips the weekend', () => {
    // Friday 2026-11-27 16:00 + 2 h: 1 h Friday, 1 h Monday from 09:00.
    expect(addBusinessHours(at('2026-11-27T16:00:00Z'), 2, utc).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('counts from the next opening when started outside hours', () => {
    // Saturday night + 1 h = Monday 10:00; 06:00 on a Tuesday + 1 h = 10:00.
    expect(addBusinessHours(at('2026-11-28T23:00:00Z'), 1, utc).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect(addBusinessHours(at('2026-12-01T06:00:00Z'), 1, utc).toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
    // Evening start: the next morning.
    expect(addBusinessHours(at('2026-12-01T20:00:00Z'), 0.5, utc).toISOString()).toBe(
      '2026-12-02T09:30:00.000Z',
    );
  });

  it('skips holidays in the calendar', () => {
    const withHoliday: TeamCalendar = { ...utc, holidays: ['2026-11-26'] };
    expect(addBusinessHours(at('2026-11-25T16:00:00Z'), 2, withHoliday).toISOString()).toBe(
      '2026-11-27T10:00:00.000Z',
    );
  });

  it('follows the zone across a daylight-saving change', () => {
    // Berlin: CEST (UTC+2) until Sunday 2026-10-25 03:00, then CET (UTC+1).
    // Friday 2026-10-23 16:00 local (14:00Z) + 2 h → 1 h Friday, Monday 10:00 CET = 09:00Z.
    expect(addBusinessHours(at('2026-10-23T14:00:00Z'), 2, berlin).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
    // Spring: CET until Sunday 2026-03-29; Monday 09:00 CEST = 07:00Z.
    expect(addBusinessHours(at('2026-03-27T15:30:00Z'), 1, berlin).toISOString()).toBe(
      '2026-03-30T07:30:00.000Z',
    );
  });

  it('uses custom days and half-open hours per day', () => {
    const saturdays: TeamCalendar = {
      timezone: 'America/New_York',
      days: { sat: ['10:00', '14:00'] },
      holidays: [],
    };
    // Wednesday noon New York → next Saturday 10:00 EST (15:00Z) + 3 h.
    expect(addBusinessHours(at('2026-12-02T17:00:00Z'), 3, saturdays).toISOString()).toBe(
      '2026-12-05T18:00:00.000Z',
    );
    // 6 h spans two Saturdays.
    expect(addBusinessHours(at('2026-12-02T17:00:00Z'), 6, saturdays).toISOString()).toBe(
      '2026-12-12T17:00:00.000Z',
    );
  });

  it('zero hours lands at the next opening; a calendar with no hours throws', () => {
    expect(addBusinessHours(at('2026-11-28T12:00:00Z'), 0, utc).toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(() =>
      addBusinessHours(at('2026-11-28T12:00:00Z'), 1, { timezone: 'UTC', days: {}, holidays: [] }),
    ).toThrow(/no working hours/);
  });
});

describe('addDeadlineHours', () => {
  it('counts every hour when business hours are off', () => {
    expect(
      addDeadlineHours(at('2026-11-28T12:00:00Z'), { hours: 24, businessHours: false }, utc),
    ).toEqual(at('2026-11-29T12:00:00Z'));
    expect(
      addDeadlineHours(at('2026-11-28T12:00:00Z'), { hours: 8, businessHours: true }, utc),
    ).toEqual(at('2026-11-30T17:00:00Z'));
  });

  it('knows valid zones', () => {
    expect(isValidTimezone('Europe/Berlin')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
});

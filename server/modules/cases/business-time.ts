import { z } from 'zod';

/**
 * Business time: deadlines that count only the hours a team works. Pure; zones through
 * `Intl.DateTimeFormat`, so daylight-saving changes fall where the zone puts them.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TeamCalendar {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Working hours per weekday as `['HH:MM', 'HH:MM']`; a missing day is not worked. */
  days: Partial<Record<Weekday, readonly [string, string]>>;
  /** Dates (`YYYY-MM-DD`, in the calendar's zone) that are not worked. */
  holidays: readonly string[];
}

const STANDARD_DAY = ['09:00', '17:00'] as const;

/** Monday to Friday, 09:00–17:00, in the given zone. */
export function defaultCalendar(timezone: string, holidays: readonly string[] = []): TeamCalendar {
  return {
    timezone,
    days: {
      mon: STANDARD_DAY,
      tue: STANDARD_DAY,
      wed: STANDARD_DAY,
      thu: STANDARD_DAY,
      fri: STANDARD_DAY,
    },
    holidays,
  };
}

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Whether a zone name is one `Intl` knows. */
export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timezone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timezone: string): number {
  const w = wallClock(instant, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant a wall-clock time (given as ms of a UTC date holding the local fields) happens in a
 * zone. A time skipped by a spring-forward gap maps to the instant just after the gap.
 */
function instantOf(localMs: number, timezone: string): number {
  let guess = localMs - offsetAt(localMs, timezone);
  guess = localMs - offsetAt(guess, timezone);
  return guess;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const dateKey = (localDayMs: number) => new Date(localDayMs).toISOString().slice(0, 10);

/** Working intervals of one local day as instants, or none on a holiday or day off. */
function workingIntervals(localDayMs: number, calendar: TeamCalendar): Array<[number, number]> {
  if (calendar.holidays.includes(dateKey(localDayMs))) return [];
  const hours = calendar.days[WEEKDAYS[new Date(localDayMs).getUTCDay()] ?? 'sun'];
  if (!hours) return [];
  const start = minutesOf(hours[0]);
  const end = minutesOf(hours[1]);
  if (end <= start) return [];
  return [
    [
      instantOf(localDayMs + start * MINUTE, calendar.timezone),
      instantOf(localDayMs + end * MINUTE, calendar.timezone),
    ],
  ];
}

/** At most this many calendar days are searched (a calendar with no working day never ends). */
const MAX_DAYS = 3660;

/**
 * The instant `hours` working hours after `from` in the calendar: time outside working hours,
 * on days off and on holidays does not count. A start outside working hours counts from the next
 * opening. Throws when the calendar never works.
 */
export function addBusinessHours(from: Date, hours: number, calendar: TeamCalendar): Date {
  let remaining = Math.round(hours * 60) * MINUTE;
  const start = from.getTime();
  const w = wallClock(start, calendar.timezone);
  let localDay = Date.UTC(w.year, w.month - 1, w.day);
  for (let i = 0; i < MAX_DAYS; i += 1, localDay += DAY_MS) {
    for (const [open, close] of workingIntervals(localDay, calendar)) {
      const begin = Math.max(open, start);
      if (begin >= close) continue;
      if (remaining === 0) return new Date(begin);
      const available = close - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  throw new Error('The calendar has no working hours');
}

/** A deadline: wall-clock hours, or business hours in the calendar. */
export function addDeadlineHours(
  from: Date,
  deadline: { hours: number; businessHours: boolean },
  calendar: TeamCalendar,
): Date {
  if (!deadline.businessHours) return new Date(from.getTime() + deadline.hours * 3_600_000);
  return addBusinessHours(from, deadline.hours, calendar);
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const dayHours = z
  .tuple([hhmm, hhmm])
  .refine(([open, close]) => open < close, 'opens before it closes');

/** A team's working week as stored in `staff_teams.business_hours`. */
export const businessHoursSchema = z.strictObject({
  timezone: z.string().max(64).refine(isValidTimezone, 'not a known IANA time zone'),
  days: z
    .strictObject(
      Object.fromEntries(WEEKDAYS.map((day) => [day, dayHours.optional()])) as Record<
        Weekday,
        z.ZodOptional<typeof dayHours>
      >,
    )
    .refine((days) => Object.values(days).some(Boolean), 'give the hours of at least one day'),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const holidaysSchema = z
  .array(z.iso.date())
  .max(366)
  .describe('dates (YYYY-MM-DD, in the team’s zone) that are not worked');

/**
 * The calendar of a team: its own hours when stored and valid, else the workspace's zone with
 * Monday to Friday, 09:00–17:00; holidays either way.
 */
export function calendarOf(
  team: { businessHours: unknown; holidays: unknown } | null,
  workspaceTimezone: string,
): TeamCalendar {
  const holidays = holidaysSchema.safeParse(team?.holidays ?? []);
  const days = holidays.success ? holidays.data : [];
  const hours = businessHoursSchema.safeParse(team?.businessHours);
  if (hours.success)
    return { timezone: hours.data.timezone, days: hours.data.days, holidays: days };
  return defaultCalendar(isValidTimezone(workspaceTimezone) ? workspaceTimezone : 'UTC', days);
}

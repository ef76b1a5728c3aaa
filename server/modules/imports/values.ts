/**
 * Reading the cells of an export: scores written in many ways, dates in the formats survey tools
 * and spreadsheets write, domains given as URLs. Pure functions; `null` means "no answer",
 * `undefined` means "cannot be read".
 */

export type ScoreType = 'nps' | 'csat' | 'ces';
export type DateOrder = 'mdy' | 'dmy';

export const SCALES: Record<ScoreType, readonly [number, number]> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/** Cells that mean "not answered": blanks, dashes, and Zendesk's offered/unoffered. */
const NO_ANSWER = /^(-|n\/a|na|none|null|offered|unoffered|not offered|skipped)$/i;

/**
 * Zendesk's binary satisfaction read on the CSAT scale: good counts as satisfied (5), bad as
 * unsatisfied (1), so the CSAT percentage (share of 4 and 5) equals Zendesk's satisfaction score.
 */
const CSAT_WORDS: Record<string, number> = {
  good: 5,
  "good, i'm satisfied": 5,
  satisfied: 5,
  bad: 1,
  "bad, i'm unsatisfied": 1,
  unsatisfied: 1,
};

/** A leading whole number, optionally followed by a label: `9`, `9.0`, `10 - Extremely likely`, `4/5`, `5 stars`. */
const SCORE = /^(\d{1,2})(?:\.0+)?(?:\s*(?:[-–—:(/]|stars?\b|points?\b|[a-z]).*)?$/i;

export function readScore(cell: string, type: ScoreType | undefined): number | null | undefined {
  const value = cell.trim();
  if (value === '' || NO_ANSWER.test(value)) return null;
  const number = SCORE.exec(value);
  if (number) return Number(number[1]);
  if (type === 'csat' || type === undefined) return CSAT_WORDS[value.toLowerCase()];
  return undefined;
}

/** Whether a cell looks like a CSAT word (good/bad), so a column of them is read as CSAT. */
export function isCsatWord(cell: string): boolean {
  return cell.trim().toLowerCase() in CSAT_WORDS;
}

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const HAS_ZONE = /(\bZ|\bUTC|\bGMT|[+-]\d{2}:?\d{2})\s*$/i;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) ?? [];
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -total : total;
}

function build(parts: {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string | undefined;
  zone?: string | undefined;
}): string | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  if (year < 1900 || year > 2200 || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Math.round(Number(`0.${parts.fraction ?? '0'}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined; // 31 April
  return new Date(local - offsetMinutes(parts.zone) * 60_000).toISOString();
}

/**
 * A date and time as an ISO 8601 UTC string. Reads ISO dates (`2024-03-05 14:22:10`,
 * `2024-03-05T14:22:10-08:00`), slashed dates in the given order (`03/05/2024 2:22 PM`), dotted
 * European dates (`05.03.2024`), Unix timestamps and English month names. A time without a zone
 * is taken as UTC (Typeform and Zendesk exports say so in their headers).
 */
export function readDate(cell: string, order: DateOrder = 'mdy'): string | null | undefined {
  const value = cell.trim();
  if (value === '') return null;
  if (/^\d{10}(\.\d+)?$/.test(value)) return new Date(Number(value) * 1000).toISOString();
  if (/^\d{13}$/.test(value)) return new Date(Number(value)).toISOString();
  const iso = ISO.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    return build({
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      fraction,
      zone,
    });
  }
  const slashed = SLASHED.exec(value);
  if (slashed) {
    const [, first, separator, second, year, hour, minute, seconds, meridiem, zone] = slashed;
    const dayFirst = separator === '.' || order === 'dmy';
    let hours = Number(hour ?? 0);
    if (meridiem) {
      if (hours < 1 || hours > 12) return undefined;
      hours = (hours % 12) + (/^p/i.test(meridiem) ? 12 : 0);
    }
    const fullYear = year!.length === 2 ? 2000 + Number(year) : Number(year);
    return build({
      year: fullYear,
      month: Number(dayFirst ? second : first),
      day: Number(dayFirst ? first : second),
      hour: hours,
      minute: Number(minute ?? 0),
      second: Number(seconds ?? 0),
      zone,
    });
  }
  if (MONTH_NAME.test(value)) {
    const parsed = Date.parse(HAS_ZONE.test(value) ? value : `${value} UTC`);
    if (Number.isFinite(parsed)) return new Date(parsed).toISOString();
  }
  return undefined;
}

/** The day-first or month-first order of slashed dates, from values where one part is above 12. */
export function dateOrderOf(cells: string[]): DateOrder | undefined {
  for (const cell of cells) {
    const slashed = SLASHED.exec(cell.trim());
    if (!slashed) continue;
    if (slashed[2] === '.' || Number(slashed[1]) > 12) return 'dmy';
    if (Number(slashed[3]) > 12) return 'mdy';
  }
  return undefined;
}

/** `https://www.Acme.com/about` → `acme.com`; anything else is left for validation to judge. */
export function readDomain(cell: string): string | undefined {
  const value = cell
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/:?#].*$/, '');
  return value === '' ? undefined : value;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^\+?[0-9 ().-]{5,32}$/;
export const DOMAIN = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/?$/i;

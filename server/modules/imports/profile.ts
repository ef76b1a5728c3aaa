import {
  DOMAIN,
  EMAIL,
  isCsatWord,
  PHONE,
  readDate,
  readScore,
  SCALES,
  type ScoreType,
} from './values.ts';
import type { Vendor } from './vendors.ts';

/** What a sample of a column's values looks like: shares of the non-empty values. */
export interface ColumnProfile {
  count: number;
  distinct: number;
  email: number;
  date: number;
  /** Plain whole numbers. */
  integer: number;
  /** Readable as a score from 0 to 10 (or good/bad). */
  score: number;
  /** Readable as a score of any size (a typo like 11 included). */
  scoreLike: number;
  phone: number;
  domain: number;
  spaced: number;
  averageLength: number;
}

export function profileColumn(cells: string[]): ColumnProfile {
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const count = values.length;
  const share = (test: (value: string) => boolean) =>
    count === 0 ? 0 : values.filter(test).length / count;
  return {
    count,
    distinct: new Set(values).size,
    email: share((value) => EMAIL.test(value)),
    date: share(
      (value) =>
        !/^\d{1,9}$/.test(value) &&
        (typeof readDate(value, 'mdy') === 'string' || typeof readDate(value, 'dmy') === 'string'),
    ),
    integer: share((value) => /^\d+$/.test(value)),
    score: share((value) => {
      const score = readScore(value, undefined);
      return score === null || (score !== undefined && score >= 0 && score <= 10);
    }),
    scoreLike: share((value) => readScore(value, undefined) !== undefined),
    phone: share((value) => PHONE.test(value) && /\d{5}/.test(value.replace(/\D/g, ''))),
    domain: share((value) => DOMAIN.test(value)),
    spaced: share((value) => value.includes(' ')),
    averageLength: count === 0 ? 0 : values.reduce((sum, value) => sum + value.length, 0) / count,
  };
}

/**
 * The scale of a score column: the one its name suggests, unless its values do not fit it; else
 * the one its values fit: good/bad is CSAT, a 0 or anything above 7 is NPS, 6–7 is CES, 1–5 is
 * CSAT. Without values, NPS (Delighted's default survey and the most common).
 */
export function scaleFromValues(
  cells: string[],
  suggested: ScoreType | undefined,
  vendor: Vendor | null,
): { scale: ScoreType; note: string } {
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const words = values.filter(isCsatWord).length;
  const numbers = values
    .map((value) => readScore(value, 'nps'))
    .filter((value): value is number => typeof value === 'number');
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const fits = (scale: ScoreType) =>
    numbers.every((n) => n >= SCALES[scale][0] && n <= SCALES[scale][1]);
  if (suggested && (numbers.length === 0 || fits(suggested)))
    return { scale: suggested, note: 'from its name' };
  if (words > 0 && words >= numbers.length)
    return { scale: 'csat', note: 'good/bad ratings, read as 5 (satisfied) and 1 (unsatisfied)' };
  if (numbers.length === 0)
    return {
      scale: 'nps',
      note: `no values in the sample to tell the scale${vendor === 'delighted' ? ' (Delighted’s default survey is NPS)' : ''}`,
    };
  const range = `values ${min}–${max} in the sample`;
  if (min === 0 || max > 7) return { scale: 'nps', note: range };
  if (max > 5) return { scale: 'ces', note: range };
  return { scale: 'csat', note: range };
}

import { parseDay, startOfDayInZone } from '../../../ui/time.ts';
import { CHANNELS, SCORE_TYPES, SENTIMENT_LABELS } from '../types.ts';
import type { Channel, ScoreType, SentimentLabel } from '../types.ts';

/**
 * The inbox filters, kept in the URL so a filtered view can be shared and the back button
 * undoes the last change. Parameter names are the API's; `from` and `to` are calendar days in
 * the workspace's time zone, both included.
 */
export interface InboxFilters {
  channel?: Channel;
  touchpointId?: string;
  accountId?: string;
  contactId?: string;
  scoreType?: ScoreType;
  scoreMin?: number;
  scoreMax?: number;
  from?: string;
  to?: string;
  q?: string;
  sentiment?: SentimentLabel;
  /** A directory entry (person, team, brand, product, feature, competitor) the text names. */
  mention?: string;
  /** ISO 639-1 code as the analysis detected it, or `und`. */
  language?: string;
  /** Feedback in one theme; arrives from a theme's page. */
  themeId?: string;
}

export type FilterName = keyof InboxFilters;

export const FILTER_NAMES = [
  'q',
  'channel',
  'touchpointId',
  'accountId',
  'contactId',
  'scoreType',
  'scoreMin',
  'scoreMax',
  'from',
  'to',
  'sentiment',
  'mention',
  'language',
  'themeId',
] as const satisfies readonly FilterName[];

/** The API's name for each filter where it differs from the address bar's. */
const API_NAMES: Partial<Record<FilterName, string>> = {
  mention: 'entityId',
};

/** What each score type can be; the API takes 0–10 whatever the type. */
export const SCORE_RANGES: Record<ScoreType | 'any', { min: number; max: number }> = {
  any: { min: 0, max: 10 },
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const MAX_QUERY_LENGTH = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function uuid(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

function score(value: string | null): number | undefined {
  if (value === null || !/^\d{1,2}$/.test(value)) return undefined;
  const number = Number(value);
  return number <= 10 ? number : undefined;
}

function language(value: string | null): string | undefined {
  return value && /^(?:[a-z]{2,3})$/.test(value) ? value : undefined;
}

function day(value: string | null): string | undefined {
  return value && parseDay(value) ? value : undefined;
}

/**
 * Reads the filters from the URL. Anything the API would refuse is left out rather than
 * reported: a mistyped link still opens the inbox.
 */
export function parseFilters(params: URLSearchParams): InboxFilters {
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH);
  const filters: InboxFilters = {
    channel: oneOf(CHANNELS, params.get('channel')),
    touchpointId: uuid(params.get('touchpointId')),
    accountId: uuid(params.get('accountId')),
    contactId: uuid(params.get('contactId')),
    scoreType: oneOf(SCORE_TYPES, params.get('scoreType')),
    scoreMin: score(params.get('scoreMin')),
    scoreMax: score(params.get('scoreMax')),
    from: day(params.get('from')),
    to: day(params.get('to')),
    q: q || undefined,
    sentiment: oneOf(SENTIMENT_LABELS, params.get('sentiment')),
    mention: uuid(params.get('mention')),
    language: language(params.get('language')),
    themeId: uuid(params.get('themeId')),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as InboxFilters;
}

/** The URL search params for a set of filters, in a stable order. */
export function filtersToParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

export function hasFilters(filters: InboxFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== undefined);
}

export interface FilterProblems {
  scoreMax?: string;
  to?: string;
}

/** Ranges the API would refuse, or that can match nothing, so no request is sent for them. */
export function filterProblems(filters: InboxFilters): FilterProblems {
  const problems: FilterProblems = {};
  if (
    filters.scoreMin !== undefined &&
    filters.scoreMax !== undefined &&
    filters.scoreMin > filters.scoreMax
  ) {
    problems.scoreMax = 'The highest score is below the lowest.';
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.to = 'The end date is before the start date.';
  }
  return problems;
}

/**
 * The API query for the filters. Days become the instants they start in the workspace's time
 * zone, and the API's `to` excludes its value, so an inclusive "to" day ends at the next
 * midnight.
 */
export function apiQuery(filters: InboxFilters, timeZone: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined) continue;
    if (name === 'from' || name === 'to') {
      const instant = startOfDayInZone(String(value), timeZone, name === 'to' ? 1 : 0);
      if (instant) query[name] = instant;
    } else {
      query[API_NAMES[name] ?? name] = String(value);
    }
  }
  return query;
}

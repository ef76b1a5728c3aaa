import { useEffect, useMemo, useState } from 'react';
import { parseDay } from '../../../ui/time.ts';
import { MAX_QUERY_LENGTH, SCORE_RANGES } from './filters.ts';
import type { InboxFilters } from './filters.ts';

/** Filters typed into text boxes; they apply after a pause in typing, or on Enter. */
const DRAFT_NAMES = ['q', 'scoreMin', 'scoreMax', 'from', 'to'] as const;
type DraftName = (typeof DRAFT_NAMES)[number];
export type Drafts = Record<DraftName, string>;
export type DraftErrors = Partial<Record<DraftName, string>>;

export const TYPING_DELAY_MS = 400;

function committedDrafts(filters: InboxFilters): Drafts {
  return {
    q: filters.q ?? '',
    scoreMin: filters.scoreMin === undefined ? '' : String(filters.scoreMin),
    scoreMax: filters.scoreMax === undefined ? '' : String(filters.scoreMax),
    from: filters.from ?? '',
    to: filters.to ?? '',
  };
}

type Parsed = { ok: true; value: string | number | undefined } | { ok: false; error: string };

function parseDraft(name: DraftName, draft: string, filters: InboxFilters): Parsed {
  const text = draft.trim();
  if (text === '') return { ok: true, value: undefined };
  if (name === 'q') return { ok: true, value: text.slice(0, MAX_QUERY_LENGTH) };
  if (name === 'from' || name === 'to') {
    return parseDay(text) ? { ok: true, value: text } : { ok: false, error: 'Enter a date.' };
  }
  const range = SCORE_RANGES[filters.scoreType ?? 'any'];
  const score = Number(text);
  if (!/^\d{1,2}$/.test(text) || score < range.min || score > range.max) {
    return { ok: false, error: `Enter a whole number from ${range.min} to ${range.max}.` };
  }
  return { ok: true, value: score };
}

/**
 * Keeps what is being typed apart from the URL: a pause in typing (or `apply`) sends the valid
 * changes as one update. When the URL changes another way (Back, reset), the boxes follow it.
 */
export function useFilterDrafts(
  filters: InboxFilters,
  update: (patch: Partial<InboxFilters>) => void,
) {
  const committed = useMemo(() => committedDrafts(filters), [filters]);
  const committedKey = DRAFT_NAMES.map((name) => committed[name]).join('\u0000');
  const [drafts, setDrafts] = useState(committed);
  const [seenKey, setSeenKey] = useState(committedKey);

  // Adjusting state while rendering, as React recommends for following a changed prop.
  if (committedKey !== seenKey) {
    setSeenKey(committedKey);
    setDrafts((current) => {
      const next = { ...current };
      for (const name of DRAFT_NAMES) {
        if (current[name].trim() !== committed[name]) next[name] = committed[name];
      }
      return next;
    });
  }

  const { patch, errors } = useMemo(() => {
    const changes: Partial<InboxFilters> = {};
    const problems: DraftErrors = {};
    for (const name of DRAFT_NAMES) {
      const parsed = parseDraft(name, drafts[name], filters);
      if (!parsed.ok) problems[name] = parsed.error;
      else if (drafts[name].trim() !== committed[name]) {
        Object.assign(changes, { [name]: parsed.value });
      }
    }
    return { patch: Object.keys(changes).length > 0 ? changes : null, errors: problems };
  }, [drafts, committed, filters]);

  useEffect(() => {
    if (!patch) return;
    const timer = setTimeout(() => update(patch), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [patch, update]);

  return {
    drafts,
    errors,
    setDraft: (name: DraftName, value: string) =>
      setDrafts((current) => ({ ...current, [name]: value })),
    /** Empties every box; the caller clears the URL. */
    clear: () => setDrafts(committedDrafts({})),
    /** Applies what has been typed now (e.g. on Enter), together with any other change. */
    apply: (extra: Partial<InboxFilters> = {}) => update({ ...patch, ...extra }),
  };
}

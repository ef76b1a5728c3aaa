import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { filtersToParams, parseFilters } from './filters.ts';
import type { InboxFilters } from './filters.ts';

/** The inbox filters in the URL: each change is a history entry, so Back undoes it. */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  const update = useCallback(
    (patch: Partial<InboxFilters>) => {
      const next = filtersToParams({ ...filters, ...patch });
      if (next.toString() !== filtersToParams(filters).toString()) setParams(next);
    },
    [filters, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, update, reset };
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { Dimension, LoopMetrics } from './types.ts';

/** The first day of the month `months - 1` months before `now`'s, so charts show whole months. */
export function monthsBack(months: number, now: Date = new Date()): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  return start.toISOString().slice(0, 10);
}

export function useLoopMetrics(workspaceId: string, by: Dimension, months: number) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'loop-metrics', by, months],
    queryFn: () => {
      const params = new URLSearchParams({ by, from: monthsBack(months) });
      return api.get<LoopMetrics>(`${wsPath(workspaceId, 'loop-metrics')}?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { EmployeeReport, Kudos, KudosWall } from './types.ts';

export function useKudosWall(workspaceId: string) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'kudos', 'wall'],
    queryFn: () => api.get<KudosWall>(wsPath(workspaceId, 'kudos', 'wall')),
  });
}

export function useRecentKudos(workspaceId: string, limit = 24) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'kudos', 'recent', limit],
    queryFn: () => api.get<{ items: Kudos[] }>(`${wsPath(workspaceId, 'kudos')}?limit=${limit}`),
  });
}

/** Praise and loops closed per employee over the `days` before today. */
export function useEmployeeReport(workspaceId: string, days: number, now: Date = new Date()) {
  const to = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return useQuery({
    queryKey: ['ws', workspaceId, 'kudos', 'report', from, to],
    queryFn: () =>
      api.get<EmployeeReport>(`${wsPath(workspaceId, 'kudos', 'report')}?from=${from}&to=${to}`),
  });
}

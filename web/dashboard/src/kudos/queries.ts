import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { CreditInput } from './credit.ts';
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

/** Credits a staff person or team for praise in one item (200 when they already were). */
export function useCreditKudos(workspaceId: string, feedbackId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreditInput) =>
      api.post<Kudos>(wsPath(workspaceId, 'feedback', feedbackId, 'kudos'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ws', workspaceId, 'kudos'] }),
  });
}

export function useRemoveKudos(workspaceId: string, feedbackId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kudosId: string) =>
      api.delete(wsPath(workspaceId, 'feedback', feedbackId, 'kudos', kudosId)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ws', workspaceId, 'kudos'] }),
  });
}

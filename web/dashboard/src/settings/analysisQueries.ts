import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';

export interface AnalysisSettings {
  /** Viewers and integrations see [email], [phone]… instead of personal data. */
  redactPersonalData: boolean;
}

export type ReanalysisScope = 'all' | 'outdated';

export interface ReanalysisRun {
  id: string;
  scope: ReanalysisScope;
  state: 'running' | 'done' | 'cancelled';
  total: number;
  done: number;
  failed: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

const settingsKey = (workspaceId: string) => ['ws', workspaceId, 'analysis', 'settings'];
const runsKey = (workspaceId: string) => ['ws', workspaceId, 'analysis', 'runs'];

export function useAnalysisSettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKey(workspaceId),
    queryFn: () => api.get<AnalysisSettings>(wsPath(workspaceId, 'analysis', 'settings')),
  });
}

export function useUpdateAnalysisSettings(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AnalysisSettings) =>
      api.patch<AnalysisSettings>(wsPath(workspaceId, 'analysis', 'settings'), input),
    onSuccess: (settings) => {
      client.setQueryData(settingsKey(workspaceId), settings);
      // What viewers see of feedback changes with it.
      return client.invalidateQueries({ queryKey: ['ws', workspaceId, 'feedback'] });
    },
  });
}

/** Re-analysis runs, newest first; polled while one runs so its progress moves. */
export function useReanalysisRuns(workspaceId: string) {
  return useQuery({
    queryKey: runsKey(workspaceId),
    queryFn: () => api.get<ItemList<ReanalysisRun>>(wsPath(workspaceId, 'analysis', 'runs')),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.state === 'running') ? 2000 : false,
  });
}

export function useStartReanalysis(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scope: ReanalysisScope) =>
      api.post<ReanalysisRun>(wsPath(workspaceId, 'analysis', 'runs'), { scope }),
    onSuccess: () => client.invalidateQueries({ queryKey: runsKey(workspaceId) }),
  });
}

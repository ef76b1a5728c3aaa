import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type { ThemeDetail, ThemeQuote, ThemeSummary, ThemeTrendPoint } from './types.ts';

const themesKey = (workspaceId: string) => ['ws', workspaceId, 'themes'];

export function useThemes(workspaceId: string) {
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'list'],
    queryFn: () => api.get<ItemList<ThemeSummary>>(wsPath(workspaceId, 'themes')),
  });
}

export function useTheme(workspaceId: string, themeId: string) {
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'detail', themeId],
    queryFn: () => api.get<ThemeDetail>(wsPath(workspaceId, 'themes', themeId)),
  });
}

export type TrendInterval = 'week' | 'month';

export function useThemeTrend(workspaceId: string, themeId: string, interval: TrendInterval) {
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'trend', themeId, interval],
    queryFn: () =>
      api.get<ItemList<ThemeTrendPoint>>(
        `${wsPath(workspaceId, 'themes', themeId, 'trend')}?interval=${interval}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useThemeQuotes(workspaceId: string, themeId: string) {
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'quotes', themeId],
    queryFn: () => api.get<ItemList<ThemeQuote>>(wsPath(workspaceId, 'themes', themeId, 'quotes')),
  });
}

function useThemeMutation<Input, Output = unknown>(
  workspaceId: string,
  send: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Names, counts and chips change everywhere a theme shows: the list, pages and the inbox.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: themesKey(workspaceId) }),
        client.invalidateQueries({ queryKey: ['ws', workspaceId, 'feedback'] }),
      ]),
  });
}

export function useUpdateTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (patch: { name?: string; pinned?: boolean }) =>
    api.patch<ThemeDetail>(wsPath(workspaceId, 'themes', themeId), patch),
  );
}

/** Moves every item of this theme into `intoId`; this theme is kept as merged. */
export function useMergeTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (intoId: string) =>
    api.post<ThemeDetail>(wsPath(workspaceId, 'themes', themeId, 'merge'), { intoId }),
  );
}

/** A new theme from some of this theme's phrases; their items move with them. */
export function useSplitTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (input: { name: string; terms: string[] }) =>
    api.post<ThemeDetail>(wsPath(workspaceId, 'themes', themeId, 'split'), input),
  );
}

/** Re-clusters the workspace's feedback in the background. */
export function useRecluster(workspaceId: string) {
  return useThemeMutation(workspaceId, () =>
    api.post<unknown>(wsPath(workspaceId, 'themes', 'recluster')),
  );
}

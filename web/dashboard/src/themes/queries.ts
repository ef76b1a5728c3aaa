import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { Bucket, FeedbackThemes, Theme, ThemeDetail, ThemeList } from './types.ts';

const themesKey = (workspaceId: string) => ['ws', workspaceId, 'themes'];

/** How far back the figures go; the API's default window is 90 days. */
export const WINDOWS = { '30d': 30, '90d': 90, '365d': 365 } as const;
export type Window = keyof typeof WINDOWS;

/** The start of a window of `days` ending now, as a calendar day (UTC). */
export function windowStart(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

interface ThemesOptions {
  window?: Window;
  recurring?: boolean;
  /** Polls while themes are being found again, so they appear without a reload. */
  poll?: boolean;
}

export function useThemes(workspaceId: string, options: ThemesOptions = {}) {
  const { window = '90d', recurring, poll = false } = options;
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'list', window, recurring ?? 'all'],
    queryFn: () => {
      const params = new URLSearchParams({ from: windowStart(WINDOWS[window]) });
      if (recurring !== undefined) params.set('recurring', String(recurring));
      return api.get<ThemeList>(`${wsPath(workspaceId, 'themes')}?${params}`);
    },
    placeholderData: keepPreviousData,
    refetchInterval: poll ? 3000 : false,
  });
}

export function useThemeDetail(
  workspaceId: string,
  themeId: string,
  window: Window,
  bucket: Bucket,
) {
  return useQuery({
    queryKey: [...themesKey(workspaceId), 'detail', themeId, window, bucket],
    queryFn: () => {
      const params = new URLSearchParams({ from: windowStart(WINDOWS[window]), bucket });
      return api.get<ThemeDetail>(`${wsPath(workspaceId, 'themes', themeId)}?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackThemes(workspaceId: string, feedbackId: string) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'feedback', 'themes', feedbackId],
    queryFn: () => api.get<FeedbackThemes>(wsPath(workspaceId, 'feedback', feedbackId, 'themes')),
  });
}

function useThemeMutation<Input, Output>(
  workspaceId: string,
  send: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Names and counts change everywhere a theme shows: the list, theme pages and the inbox.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: themesKey(workspaceId) }),
        client.invalidateQueries({ queryKey: ['ws', workspaceId, 'feedback'] }),
      ]),
  });
}

export function useUpdateTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (patch: { name?: string; pinned?: boolean }) =>
    api.patch<Theme>(wsPath(workspaceId, 'themes', themeId), patch),
  );
}

/** Moves this theme's items and phrases into another; this one stays merged. */
export function useMergeTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (intoThemeId: string) =>
    api.post<Theme>(wsPath(workspaceId, 'themes', themeId, 'merge'), { intoThemeId }),
  );
}

/** A new theme from some of this theme's phrases; the items they define move with them. */
export function useSplitTheme(workspaceId: string, themeId: string) {
  return useThemeMutation(workspaceId, (input: { phrases: string[]; name?: string }) =>
    api.post<Theme>(wsPath(workspaceId, 'themes', themeId, 'split'), input),
  );
}

/** Finds the workspace's themes again, in the background. */
export function useRecluster(workspaceId: string) {
  return useThemeMutation(workspaceId, () =>
    api.post<{ queued: boolean }>(wsPath(workspaceId, 'themes', 'recluster')),
  );
}

/** Sets an item's themes by hand; kept across re-clustering and recorded as a correction. */
export function useSetItemThemes(workspaceId: string, feedbackId: string) {
  return useThemeMutation(workspaceId, (themeIds: string[]) =>
    api.put<FeedbackThemes>(wsPath(workspaceId, 'feedback', feedbackId, 'themes'), { themeIds }),
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { FeedbackPage } from '../types.ts';

export const INBOX_PAGE_SIZE = 25;

/** Pages of feedback matching `query` (API parameters), newest first. */
export function useInbox(workspaceId: string, query: Record<string, string>, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['ws', workspaceId, 'feedback', 'inbox', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ ...query, limit: String(INBOX_PAGE_SIZE) });
      if (pageParam !== null) params.set('cursor', pageParam);
      return api.get<FeedbackPage>(`${wsPath(workspaceId, 'feedback')}?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    // The previous results stay on screen, dimmed, while a changed filter loads.
    placeholderData: keepPreviousData,
    enabled,
  });
}

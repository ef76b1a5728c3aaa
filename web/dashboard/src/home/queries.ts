import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { FeedbackPage, Overview } from '../types.ts';

export function useOverview(workspaceId: string) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'overview'],
    queryFn: () => api.get<Overview>(wsPath(workspaceId, 'overview')),
    // While demo data loads, poll so the page fills up in front of the user.
    refetchInterval: (query) => (query.state.data?.demoSeeding ? 2000 : false),
  });
}

/**
 * The newest feedback. `feedbackCount` is part of the key so the list refreshes whenever the
 * overview sees new items, and stops when they stop arriving.
 */
export function useRecentFeedback(workspaceId: string, feedbackCount: number) {
  return useQuery({
    queryKey: ['ws', workspaceId, 'feedback', 'recent', feedbackCount],
    queryFn: () => api.get<FeedbackPage>(`${wsPath(workspaceId, 'feedback')}?limit=20`),
    placeholderData: keepPreviousData,
  });
}

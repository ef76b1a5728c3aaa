import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { SentimentLabel } from '../types.ts';
import type { FeedbackAnalysis } from './analysis.ts';

/** Every cached list of feedback (inbox pages, recent feedback, theme quotes) shows analysis. */
export function invalidateFeedback(client: ReturnType<typeof useQueryClient>, workspaceId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['ws', workspaceId, 'feedback'] }),
    client.invalidateQueries({ queryKey: ['ws', workspaceId, 'themes'] }),
  ]);
}

/** Staff set an item's sentiment label; the correction is kept and counted in the evaluation. */
export function useCorrectSentiment(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ feedbackId, label }: { feedbackId: string; label: SentimentLabel }) =>
      api.put<FeedbackAnalysis>(wsPath(workspaceId, 'feedback', feedbackId, 'sentiment'), {
        label,
      }),
    onSuccess: () => invalidateFeedback(client, workspaceId),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../api.ts';
import { isSettling } from './labels.ts';
import type { Composer, SendInput, SentReply, StockCheck } from './types.ts';

const composerKey = (workspaceId: string, caseId: string) => [
  'ws',
  workspaceId,
  'cases',
  caseId,
  'composer',
];

export function useComposer(workspaceId: string, caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: composerKey(workspaceId, caseId),
    queryFn: () => api.get<Composer>(wsPath(workspaceId, 'cases', caseId, 'composer')),
    enabled,
    // While a reply is on its way, keep its state current.
    refetchInterval: (query) =>
      query.state.data?.replies.some((reply) => isSettling(reply.state)) ? 10_000 : false,
  });
}

export function useCheckReply(workspaceId: string, caseId: string) {
  return useMutation({
    mutationFn: (body: string) =>
      api.post<StockCheck>(wsPath(workspaceId, 'cases', caseId, 'replies', 'check'), { body }),
  });
}

export function useSendReply(workspaceId: string, caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInput) =>
      api.post<SentReply>(wsPath(workspaceId, 'cases', caseId, 'replies'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ws', workspaceId, 'cases'] }),
  });
}

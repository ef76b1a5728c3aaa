import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type {
  LimitPolicy,
  MessagePurpose,
  OutboxMessage,
  OutboxState,
  PolicyInput,
} from './types.ts';

const outboxKey = (workspaceId: string) => ['ws', workspaceId, 'outbox'];
const policiesKey = (workspaceId: string) => ['ws', workspaceId, 'contact-limit-policies'];

export interface OutboxFilter {
  state: OutboxState | '';
  purpose: MessagePurpose | '';
  to: string;
}

export function useOutbox(workspaceId: string, filter: OutboxFilter) {
  return useQuery({
    queryKey: [...outboxKey(workspaceId), filter],
    placeholderData: keepPreviousData,
    queryFn: () => {
      const params = new URLSearchParams({ limit: '100' });
      if (filter.state) params.set('state', filter.state);
      if (filter.purpose) params.set('purpose', filter.purpose);
      if (filter.to.trim()) params.set('to', filter.to.trim());
      return api.get<{ items: OutboxMessage[] }>(`${wsPath(workspaceId, 'outbox')}?${params}`);
    },
  });
}

export function useRetryMessage(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(wsPath(workspaceId, 'outbox', id, 'retry')),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxKey(workspaceId) }),
  });
}

export function usePolicies(workspaceId: string) {
  return useQuery({
    queryKey: policiesKey(workspaceId),
    queryFn: () => api.get<{ items: LimitPolicy[] }>(wsPath(workspaceId, 'contact-limit-policies')),
  });
}

export function useSavePolicy(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PolicyInput }) =>
      id
        ? api.patch<LimitPolicy>(wsPath(workspaceId, 'contact-limit-policies', id), input)
        : api.post<LimitPolicy>(wsPath(workspaceId, 'contact-limit-policies'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: policiesKey(workspaceId) }),
  });
}

export function useDeletePolicy(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, 'contact-limit-policies', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: policiesKey(workspaceId) }),
  });
}

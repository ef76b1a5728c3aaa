import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type {
  AlertFilters,
  AlertRule,
  CreatedRule,
  Destination,
  DestinationInput,
  FiredAlert,
  RuleInput,
  Spike,
  TestResult,
} from './types.ts';

const rulesKey = (workspaceId: string) => ['ws', workspaceId, 'alert-rules'];
const alertsKey = (workspaceId: string) => ['ws', workspaceId, 'alerts'];
const spikesKey = (workspaceId: string) => ['ws', workspaceId, 'spikes'];

export function useAlertRules(workspaceId: string) {
  return useQuery({
    queryKey: rulesKey(workspaceId),
    queryFn: () => api.get<ItemList<AlertRule>>(wsPath(workspaceId, 'alert-rules')),
  });
}

export function useAlerts(workspaceId: string, filters: AlertFilters) {
  const query = new URLSearchParams({ limit: '50' });
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return useQuery({
    queryKey: [...alertsKey(workspaceId), filters],
    queryFn: () =>
      api.get<ItemList<FiredAlert>>(`${wsPath(workspaceId, 'alerts')}?${query.toString()}`),
    // Deliveries move from pending to sent within seconds; keep the page current while open.
    refetchInterval: 15_000,
  });
}

export function useSpikes(workspaceId: string) {
  return useQuery({
    queryKey: spikesKey(workspaceId),
    queryFn: () => api.get<ItemList<Spike>>(`${wsPath(workspaceId, 'spikes')}?limit=20`),
  });
}

function useRulesMutation<Input, Output>(
  workspaceId: string,
  mutationFn: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey(workspaceId) }),
  });
}

export function useCreateRule(workspaceId: string) {
  return useRulesMutation(workspaceId, (input: RuleInput) =>
    api.post<CreatedRule>(wsPath(workspaceId, 'alert-rules'), input),
  );
}

export function useUpdateRule(workspaceId: string) {
  return useRulesMutation(
    workspaceId,
    ({ id, patch }: { id: string; patch: Partial<Omit<RuleInput, 'destinations'>> }) =>
      api.patch<AlertRule>(wsPath(workspaceId, 'alert-rules', id), patch),
  );
}

export function useDeleteRule(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, 'alert-rules', id)),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: rulesKey(workspaceId) }),
        // A rule's alerts go with it.
        client.invalidateQueries({ queryKey: alertsKey(workspaceId) }),
      ]),
  });
}

export function useAddDestination(workspaceId: string, ruleId: string) {
  return useRulesMutation(workspaceId, (input: DestinationInput) =>
    api.post<{ destination: Destination; secret: string | null }>(
      wsPath(workspaceId, 'alert-rules', ruleId, 'destinations'),
      input,
    ),
  );
}

export function useRemoveDestination(workspaceId: string, ruleId: string) {
  return useRulesMutation(workspaceId, (destinationId: string) =>
    api.delete(wsPath(workspaceId, 'alert-rules', ruleId, 'destinations', destinationId)),
  );
}

export function useTestRule(workspaceId: string) {
  return useMutation({
    mutationFn: (ruleId: string) =>
      api.post<{ results: TestResult[] }>(wsPath(workspaceId, 'alert-rules', ruleId, 'test')),
  });
}

function useAlertsMutation(workspaceId: string, path: (id: string) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(path(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: alertsKey(workspaceId) }),
  });
}

export function useAcknowledge(workspaceId: string) {
  return useAlertsMutation(workspaceId, (id) => wsPath(workspaceId, 'alerts', id, 'acknowledge'));
}

export function useRetryDelivery(workspaceId: string) {
  return useAlertsMutation(workspaceId, (id) =>
    wsPath(workspaceId, 'alert-deliveries', id, 'retry'),
  );
}

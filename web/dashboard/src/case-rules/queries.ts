import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type { CaseRule, CaseRuleInput, RoutingPreview } from './types.ts';

const rulesKey = (workspaceId: string) => ['ws', workspaceId, 'case-rules'];

export function useCaseRules(workspaceId: string) {
  return useQuery({
    queryKey: rulesKey(workspaceId),
    queryFn: () => api.get<ItemList<CaseRule>>(wsPath(workspaceId, 'case-rules')),
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

export function useCreateCaseRule(workspaceId: string) {
  return useRulesMutation(workspaceId, (input: CaseRuleInput) =>
    api.post<CaseRule>(wsPath(workspaceId, 'case-rules'), input),
  );
}

export function useUpdateCaseRule(workspaceId: string) {
  return useRulesMutation(
    workspaceId,
    ({ id, patch }: { id: string; patch: Partial<CaseRuleInput> }) =>
      api.patch<CaseRule>(wsPath(workspaceId, 'case-rules', id), patch),
  );
}

export function useDeleteCaseRule(workspaceId: string) {
  return useRulesMutation(workspaceId, (id: string) =>
    api.delete(wsPath(workspaceId, 'case-rules', id)),
  );
}

export function useReorderCaseRules(workspaceId: string) {
  return useRulesMutation(workspaceId, (ruleIds: string[]) =>
    api.put<ItemList<CaseRule>>(wsPath(workspaceId, 'case-rules', 'order'), { ruleIds }),
  );
}

export function usePreviewRouting(workspaceId: string) {
  return useMutation({
    mutationFn: (feedbackId: string) =>
      api.get<RoutingPreview>(
        `${wsPath(workspaceId, 'case-rules', 'preview')}?feedbackId=${encodeURIComponent(feedbackId)}`,
      ),
  });
}

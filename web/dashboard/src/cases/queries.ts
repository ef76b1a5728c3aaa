import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type { ActionStatus, CaseAction, CaseDetail, CaseFilters, CasesPage } from './types.ts';

const casesKey = (workspaceId: string) => ['ws', workspaceId, 'cases'];
const actionsKey = (workspaceId: string) => ['ws', workspaceId, 'actions'];

export const PAGE_SIZE = 50;

export function useCases(workspaceId: string, filters: CaseFilters, offset: number) {
  const query = new URLSearchParams({ queue: 'mine', limit: String(PAGE_SIZE) });
  if (offset > 0) query.set('offset', String(offset));
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return useQuery({
    queryKey: [...casesKey(workspaceId), 'list', filters, offset],
    queryFn: () => api.get<CasesPage>(`${wsPath(workspaceId, 'cases')}?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function useCase(workspaceId: string, caseId: string) {
  return useQuery({
    queryKey: [...casesKey(workspaceId), 'one', caseId],
    queryFn: () => api.get<CaseDetail>(wsPath(workspaceId, 'cases', caseId)),
  });
}

/** A change to one case; the answer is the case as it is now. */
export function useCaseChange<Input>(workspaceId: string, caseId: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) =>
      api.post<CaseDetail>(wsPath(workspaceId, 'cases', caseId, path), input),
    onSuccess: (detail) => {
      client.setQueryData([...casesKey(workspaceId), 'one', caseId], detail);
      // The composer reads the stage too (the follow-up's consent request): refresh it as well.
      return Promise.all([
        client.invalidateQueries({ queryKey: [...casesKey(workspaceId), 'list'] }),
        client.invalidateQueries({ queryKey: [...casesKey(workspaceId), caseId, 'composer'] }),
      ]);
    },
  });
}

export function useOpenCase(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (feedbackIds: string[]) =>
      api.post<CaseDetail>(wsPath(workspaceId, 'cases'), { feedbackIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: casesKey(workspaceId) }),
  });
}

export function useUnlinkAction(workspaceId: string, caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (actionId: string) =>
      api.delete(wsPath(workspaceId, 'cases', caseId, 'actions', actionId)),
    onSuccess: () => client.invalidateQueries({ queryKey: casesKey(workspaceId) }),
  });
}

export function useActions(workspaceId: string, status?: ActionStatus) {
  return useQuery({
    queryKey: [...actionsKey(workspaceId), status ?? 'all'],
    queryFn: () =>
      api.get<ItemList<CaseAction>>(
        `${wsPath(workspaceId, 'actions')}${status ? `?status=${status}` : ''}`,
      ),
  });
}

export function useCreateAction(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; description?: string; themeId?: string | null }) =>
      api.post<CaseAction>(wsPath(workspaceId, 'actions'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: actionsKey(workspaceId) }),
  });
}

export function useUpdateAction(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ActionStatus }) =>
      api.patch<CaseAction>(wsPath(workspaceId, 'actions', id), { status }),
    // Shipping hands cases back to their owners: their timelines change too.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: actionsKey(workspaceId) }),
        client.invalidateQueries({ queryKey: casesKey(workspaceId) }),
      ]),
  });
}

export function useDeleteAction(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, 'actions', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: actionsKey(workspaceId) }),
  });
}

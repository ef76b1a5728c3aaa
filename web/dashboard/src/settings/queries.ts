import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import { meQuery } from '../session.ts';
import type { AuditPage, ItemList, JobState, JobsPage, RawItem, Workspace } from '../types.ts';

const workspaceKey = (workspaceId: string) => ['ws', workspaceId, 'details'];
const jobsKey = (workspaceId: string) => ['ws', workspaceId, 'jobs'];
const deadItemsKey = (workspaceId: string) => ['ws', workspaceId, 'raw-items', 'dead'];

export function useWorkspaceDetails(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKey(workspaceId),
    queryFn: () => api.get<Workspace>(wsPath(workspaceId)),
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; timezone: string }) =>
      api.patch<Workspace>(wsPath(workspaceId), input),
    onSuccess: (workspace) => {
      client.setQueryData(workspaceKey(workspaceId), workspace);
      // The header's workspace switcher shows names from "me".
      return client.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}

const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: ['ws', workspaceId, 'audit-log'],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      if (pageParam !== null) params.set('before', String(pageParam));
      return api.get<AuditPage>(`${wsPath(workspaceId, 'audit-log')}?${params}`);
    },
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useJobs(workspaceId: string, state: JobState) {
  return useQuery({
    queryKey: [...jobsKey(workspaceId), state],
    queryFn: () => api.get<JobsPage>(`${wsPath(workspaceId, 'jobs')}?state=${state}`),
    // Keeps the tab counts on screen while another tab loads.
    placeholderData: keepPreviousData,
    refetchInterval: state === 'queued' || state === 'running' ? 5000 : false,
  });
}

export function useRetryJob(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<unknown>(wsPath(workspaceId, 'jobs', id, 'retry')),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: jobsKey(workspaceId) }),
        client.invalidateQueries({ queryKey: ['ws', workspaceId, 'overview'] }),
      ]),
  });
}

export const DEAD_ITEMS_LIMIT = 50;

/** Raw items that could not be processed after every attempt, newest first. */
export function useDeadItems(workspaceId: string) {
  return useQuery({
    queryKey: deadItemsKey(workspaceId),
    queryFn: () =>
      api.get<ItemList<RawItem>>(
        `${wsPath(workspaceId, 'raw-items')}?state=dead&limit=${DEAD_ITEMS_LIMIT}`,
      ),
  });
}

export function useRetryDeadItem(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<unknown>(wsPath(workspaceId, 'raw-items', id, 'retry')),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: deadItemsKey(workspaceId) }),
        client.invalidateQueries({ queryKey: jobsKey(workspaceId) }),
        client.invalidateQueries({ queryKey: ['ws', workspaceId, 'overview'] }),
      ]),
  });
}

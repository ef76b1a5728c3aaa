import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList, ListeningPost, PostKind, Touchpoint } from '../types.ts';

const touchpointsKey = (workspaceId: string) => ['ws', workspaceId, 'touchpoints'];
const postsKey = (workspaceId: string) => ['ws', workspaceId, 'listening-posts'];
const overviewKey = (workspaceId: string) => ['ws', workspaceId, 'overview'];

/** Also feeds the inbox's touchpoint filter. */
export function useTouchpoints(workspaceId: string) {
  return useQuery({
    queryKey: touchpointsKey(workspaceId),
    queryFn: () => api.get<ItemList<Touchpoint>>(wsPath(workspaceId, 'touchpoints')),
    staleTime: 60_000,
  });
}

export function useListeningPosts(workspaceId: string) {
  return useQuery({
    queryKey: postsKey(workspaceId),
    queryFn: () => api.get<ItemList<ListeningPost>>(wsPath(workspaceId, 'listening-posts')),
  });
}

export interface TouchpointInput {
  name: string;
  description: string;
}

export function useCreateTouchpoint(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TouchpointInput) =>
      api.post<Touchpoint>(wsPath(workspaceId, 'touchpoints'), input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: touchpointsKey(workspaceId) }),
        // The home page counts touchpoints.
        client.invalidateQueries({ queryKey: overviewKey(workspaceId) }),
      ]),
  });
}

export function useUpdateTouchpoint(workspaceId: string, touchpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TouchpointInput) =>
      api.patch<Touchpoint>(wsPath(workspaceId, 'touchpoints', touchpointId), input),
    onSuccess: () => client.invalidateQueries({ queryKey: touchpointsKey(workspaceId) }),
  });
}

export interface PostInput {
  kind: PostKind;
  name: string;
  touchpointId?: string;
}

export function useCreatePost(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PostInput) =>
      api.post<ListeningPost>(wsPath(workspaceId, 'listening-posts'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
}

export interface PostPatch {
  name?: string;
  touchpointId?: string | null;
  status?: 'active' | 'paused';
  settings?: Record<string, unknown>;
}

export function useUpdatePost(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: PostPatch }) =>
      api.patch<ListeningPost>(wsPath(workspaceId, 'listening-posts', id), patch),
    onSuccess: (post) => {
      // Show the change at once; the refetch then brings the server's view.
      client.setQueryData<ItemList<ListeningPost>>(postsKey(workspaceId), (list) =>
        list ? { items: list.items.map((item) => (item.id === post.id ? post : item)) } : list,
      );
      return client.invalidateQueries({ queryKey: postsKey(workspaceId) });
    },
  });
}

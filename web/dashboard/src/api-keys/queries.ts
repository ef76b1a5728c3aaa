import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ApiKey, ItemList, Role } from '../types.ts';

const keysKey = (workspaceId: string) => ['ws', workspaceId, 'api-keys'];

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: keysKey(workspaceId),
    queryFn: () => api.get<ItemList<ApiKey>>(wsPath(workspaceId, 'api-keys')),
  });
}

export interface CreatedKey {
  apiKey: ApiKey;
  secret: string;
}

export function useCreateKey(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role }) =>
      api.post<CreatedKey>(wsPath(workspaceId, 'api-keys'), input),
    onSuccess: ({ apiKey }) => {
      // Show the new key in the table at once; the refetch then brings the server's view.
      client.setQueryData<ItemList<ApiKey>>(keysKey(workspaceId), (page) =>
        page && !page.items.some((key) => key.id === apiKey.id)
          ? { items: [apiKey, ...page.items] }
          : page,
      );
      return client.invalidateQueries({ queryKey: keysKey(workspaceId) });
    },
  });
}

export function useRevokeKey(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, 'api-keys', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey(workspaceId) }),
  });
}

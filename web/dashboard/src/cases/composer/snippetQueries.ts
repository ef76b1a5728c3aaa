import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../api.ts';
import type { ItemList } from '../../types.ts';

export interface Snippet {
  id: string;
  name: string;
  body: string;
  createdAt: string;
}
export interface SnippetInput {
  name: string;
  body: string;
}

const snippetsKey = (workspaceId: string) => ['ws', workspaceId, 'reply-snippets'];

export function useSnippets(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: snippetsKey(workspaceId),
    queryFn: () => api.get<ItemList<Snippet>>(wsPath(workspaceId, 'reply-snippets')),
    enabled,
  });
}

function useSnippetMutation<Input, Output>(
  workspaceId: string,
  mutationFn: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    // Composers show snippets filled for their contact: refresh them too.
    onSuccess: () => client.invalidateQueries({ queryKey: ['ws', workspaceId] }),
  });
}

export const useCreateSnippet = (workspaceId: string) =>
  useSnippetMutation(workspaceId, (input: SnippetInput) =>
    api.post<Snippet>(wsPath(workspaceId, 'reply-snippets'), input),
  );

export const useUpdateSnippet = (workspaceId: string) =>
  useSnippetMutation(workspaceId, ({ id, ...input }: SnippetInput & { id: string }) =>
    api.patch<Snippet>(wsPath(workspaceId, 'reply-snippets', id), input),
  );

export const useDeleteSnippet = (workspaceId: string) =>
  useSnippetMutation(workspaceId, (id: string) =>
    api.delete(wsPath(workspaceId, 'reply-snippets', id)),
  );

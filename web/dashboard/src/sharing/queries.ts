import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ShareInput, ShareResult } from './share.ts';

export interface ShareTarget {
  kind: 'case' | 'theme';
  id: string;
}

/** Shares a case or a theme; a shared case gains a timeline event, so it is fetched again. */
export function useShare(workspaceId: string, target: ShareTarget) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareInput) =>
      api.post<ShareResult>(
        wsPath(workspaceId, target.kind === 'case' ? 'cases' : 'themes', target.id, 'share'),
        input,
      ),
    onSuccess: () =>
      target.kind === 'case'
        ? client.invalidateQueries({ queryKey: ['ws', workspaceId, 'cases', 'one', target.id] })
        : undefined,
  });
}

import { createContext, use } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, getMe, isApiError, setCsrfToken } from './api.ts';
import type { Me, MeWorkspace } from './types.ts';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: getMe,
  staleTime: 60_000,
  retry: (failures, error) => !isApiError(error, 401) && failures < 2,
});

/** "Am I signed in?" A 401 arrives as the query's error, without redirecting. */
export function useMe() {
  return useQuery(meQuery);
}

/** Stores a Me returned by sign-in, setup or accept, so the app needs no extra round trip. */
export function applyMe(client: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  client.setQueryData(meQuery.queryKey, me);
}

export function useSignOut(then = '/sign-in') {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/sign-out'),
    onSuccess: () => {
      setCsrfToken(null);
      client.clear();
      void navigate(then);
    },
  });
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid below RequireAuth. */
export function useSignedIn(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useSignedIn() used outside RequireAuth');
  return me;
}

export interface CurrentWorkspace extends MeWorkspace {
  /** Owners and admins manage members, keys and settings; the server checks again. */
  canManage: boolean;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

export function useWorkspace(): CurrentWorkspace {
  const workspace = use(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() used outside a workspace route');
  return workspace;
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, wsPath } from '../api.ts';
import { meQuery } from '../session.ts';
import type { Invitation, Me, Member, ItemList, Role } from '../types.ts';

const membersKey = (workspaceId: string) => ['ws', workspaceId, 'members'];
const invitationsKey = (workspaceId: string) => ['ws', workspaceId, 'invitations'];

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: membersKey(workspaceId),
    queryFn: () => api.get<ItemList<Member>>(wsPath(workspaceId, 'members')),
  });
}

export function useChangeRole(workspaceId: string, userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) => api.patch<Member>(wsPath(workspaceId, 'members', userId), { role }),
    onSettled: () => client.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(wsPath(workspaceId, 'members', userId)),
    onSuccess: () => client.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    queryFn: () => api.get<ItemList<Invitation>>(wsPath(workspaceId, 'invitations')),
    enabled,
  });
}

interface CreatedInvitation {
  invitation: Invitation;
  link: string;
}

export function useInvite(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      api.post<CreatedInvitation>(wsPath(workspaceId, 'invitations'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, 'invitations', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

/** Leaving takes the workspace out of "me" first, so no page tries to show it afterwards. */
export function useLeaveWorkspace(workspaceId: string, userId: string) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.delete(wsPath(workspaceId, 'members', userId)),
    onSuccess: () => {
      client.setQueryData<Me>(meQuery.queryKey, (me) =>
        me ? { ...me, workspaces: me.workspaces.filter((w) => w.id !== workspaceId) } : me,
      );
      void navigate('/');
      return client.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}

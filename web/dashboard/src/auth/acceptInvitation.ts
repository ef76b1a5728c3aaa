import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { workspaceHome } from '../paths.ts';
import { applyMe, meQuery } from '../session.ts';
import type { InvitationPreview, Me } from '../types.ts';

interface AcceptInput {
  token: string;
  name?: string;
  password?: string;
}

/**
 * Accepts an invitation and opens the workspace it was for. The reply is the new "me"; the
 * workspace is the one that was not there before (or, failing that, the one with its name).
 */
export function useAcceptInvitation(invitation: InvitationPreview) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: AcceptInput) =>
      api.post<Me>('/api/v1/invitations/accept', input, { redirectOn401: false }),
    onSuccess: (me) => {
      const before = new Set(
        client.getQueryData<Me>(meQuery.queryKey)?.workspaces.map((workspace) => workspace.id),
      );
      const joined =
        me.workspaces.find((workspace) => !before.has(workspace.id)) ??
        me.workspaces.find((workspace) => workspace.name === invitation.workspaceName);
      applyMe(client, me);
      void navigate(workspaceHome(joined?.id), { replace: true });
    },
  });
}

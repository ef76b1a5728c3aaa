import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';

/** A survey as the API returns it: its definition plus link, status and counts. */
export interface Survey {
  id: string;
  name: string;
  postId: string;
  touchpointId: string | null;
  status: 'active' | 'paused' | 'error';
  publicUrl: string;
  responses: { partial: number; complete: number };
  invitations: number;
  languages: string[];
  defaultLanguage: string;
  questions: Array<{ id: string; type: string }>;
  [field: string]: unknown;
}

export interface SurveyInvitation {
  id: string;
  email: string;
  name: string | null;
  source: string;
  sendAt: string;
  emailedAt: string | null;
  responseState: 'partial' | 'complete' | null;
}

const surveysKey = (workspaceId: string) => ['ws', workspaceId, 'surveys'];

export function useSurveys(workspaceId: string) {
  return useQuery({
    queryKey: surveysKey(workspaceId),
    queryFn: () => api.get<ItemList<Survey>>(wsPath(workspaceId, 'surveys')),
  });
}

export function useSaveSurvey(workspaceId: string, surveyId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      surveyId
        ? api.patch<Survey>(wsPath(workspaceId, 'surveys', surveyId), body)
        : api.post<Survey>(wsPath(workspaceId, 'surveys'), body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: surveysKey(workspaceId) }),
        client.invalidateQueries({ queryKey: ['ws', workspaceId, 'listening-posts'] }),
      ]),
  });
}

export function useInvitations(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: [...surveysKey(workspaceId), surveyId, 'invitations'],
    queryFn: () =>
      api.get<ItemList<SurveyInvitation>>(wsPath(workspaceId, 'surveys', surveyId, 'invitations')),
  });
}

export function useInvite(workspaceId: string, surveyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contacts: Array<{ email: string; name?: string }>) =>
      api.post<ItemList<SurveyInvitation>>(
        wsPath(workspaceId, 'surveys', surveyId, 'invitations'),
        { contacts },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: surveysKey(workspaceId) }),
  });
}

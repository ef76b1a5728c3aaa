import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type {
  EntityInput,
  PersonInput,
  StaffPerson,
  StaffTeam,
  TeamInput,
  TrackedEntity,
} from './types.ts';

/** The three lists of the directory, each under its own API collection. */
export const COLLECTIONS = {
  teams: 'staff-teams',
  people: 'staff-people',
  entities: 'tracked-entities',
} as const;
export type Collection = keyof typeof COLLECTIONS;

interface Shapes {
  teams: { row: StaffTeam; input: TeamInput };
  people: { row: StaffPerson; input: PersonInput };
  entities: { row: TrackedEntity; input: EntityInput };
}

const directoryKey = (workspaceId: string, collection: Collection) => [
  'ws',
  workspaceId,
  'directory',
  collection,
];

export function useDirectoryList<C extends Collection>(workspaceId: string, collection: C) {
  return useQuery({
    queryKey: directoryKey(workspaceId, collection),
    queryFn: () =>
      api.get<ItemList<Shapes[C]['row']>>(wsPath(workspaceId, COLLECTIONS[collection])),
    staleTime: 60_000,
  });
}

function useInvalidate(workspaceId: string, collection: Collection) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: directoryKey(workspaceId, collection) }),
      // Removing a team leaves its people without one.
      collection === 'teams'
        ? client.invalidateQueries({ queryKey: directoryKey(workspaceId, 'people') })
        : null,
    ]);
}

export function useCreateEntry<C extends Collection>(workspaceId: string, collection: C) {
  const invalidate = useInvalidate(workspaceId, collection);
  return useMutation({
    mutationFn: (input: Shapes[C]['input']) =>
      api.post<Shapes[C]['row']>(wsPath(workspaceId, COLLECTIONS[collection]), input),
    onSuccess: invalidate,
  });
}

export function useUpdateEntry<C extends Collection>(workspaceId: string, collection: C) {
  const invalidate = useInvalidate(workspaceId, collection);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<Shapes[C]['input']> }) =>
      api.patch<Shapes[C]['row']>(wsPath(workspaceId, COLLECTIONS[collection], id), input),
    onSuccess: invalidate,
  });
}

export function useDeleteEntry(workspaceId: string, collection: Collection) {
  const invalidate = useInvalidate(workspaceId, collection);
  return useMutation({
    mutationFn: (id: string) => api.delete(wsPath(workspaceId, COLLECTIONS[collection], id)),
    onSuccess: invalidate,
  });
}

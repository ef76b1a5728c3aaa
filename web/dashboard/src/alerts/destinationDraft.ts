import type { Role } from '../types.ts';
import { splitWords } from './draft.ts';
import type { DestinationInput, DestinationKind } from './types.ts';

export interface DestinationDraft {
  kind: DestinationKind;
  addresses: string;
  roles: Role[];
  url: string;
}

export const emptyDestination: DestinationDraft = {
  kind: 'email',
  addresses: '',
  roles: [],
  url: '',
};

export function destinationFromDraft(draft: DestinationDraft): DestinationInput {
  if (draft.kind === 'email')
    return { kind: 'email', addresses: splitWords(draft.addresses), roles: draft.roles };
  return { kind: draft.kind, url: draft.url.trim() };
}

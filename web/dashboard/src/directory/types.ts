/** The staff directory and tracked names, as the API returns them. */
export const ENTITY_KINDS = ['brand', 'product', 'feature', 'competitor'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface StaffTeam {
  id: string;
  name: string;
  aliases: string[];
  leadEmail: string | null;
  leadUserId?: string | null;
  businessHours?: { timezone: string; days: Record<string, [string, string]> } | null;
  holidays?: string[];
  createdAt: string;
}

export interface StaffPerson {
  id: string;
  name: string;
  nicknames: string[];
  teamId: string | null;
  email: string | null;
  userId: string | null;
  createdAt: string;
}

export interface TrackedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  createdAt: string;
}

export type TeamInput = Pick<StaffTeam, 'name' | 'aliases' | 'leadEmail'> &
  Partial<Pick<StaffTeam, 'leadUserId' | 'businessHours' | 'holidays'>>;
export type PersonInput = Pick<StaffPerson, 'name' | 'nicknames' | 'teamId' | 'email'>;
export type EntityInput = Pick<TrackedEntity, 'kind' | 'name' | 'aliases'>;

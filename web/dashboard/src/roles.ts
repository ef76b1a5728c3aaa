import type { Option } from '../../ui/Field.tsx';
import { ROLES } from './types.ts';
import type { Role } from './types.ts';
import { humanize } from './format.ts';

export const roleOptions: Option[] = ROLES.map((role) => ({ value: role, label: humanize(role) }));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_HINT =
  'Owner: everything. Admin: members, API keys and settings. Agent: works with feedback. Viewer: reads only.';

/**
 * Agents, admins and owners work with feedback: they correct its analysis and edit themes.
 * Viewers only read. The server checks again; this only hides controls that would be refused.
 */
export function canWorkWithFeedback(role: Role): boolean {
  return role !== 'viewer';
}

import type { Option } from '../../../ui/Field.tsx';
import type { StaffPerson, StaffTeam } from '../directory/types.ts';
import type { Kudos } from './types.ts';

/** The body of `POST …/feedback/:feedbackId/kudos`: exactly one of person and team. */
export type CreditInput = ({ personId: string } | { teamId: string }) & { quote?: string };

/** People first (with their team), then teams; values say which kind they are. */
export function creditOptions(
  people: readonly StaffPerson[],
  teams: readonly StaffTeam[],
): Option[] {
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return [
    ...[...people].sort(byName).map((person) => {
      const team = person.teamId ? teamName.get(person.teamId) : undefined;
      return {
        value: `person:${person.id}`,
        label: team ? `${person.name} (${team})` : person.name,
      };
    }),
    ...[...teams]
      .sort(byName)
      .map((team) => ({ value: `team:${team.id}`, label: `Team: ${team.name}` })),
  ];
}

/** The request for a chosen option and an optional quote; null when nothing valid was chosen. */
export function creditInput(choice: string, quote: string): CreditInput | null {
  const [kind, id] = choice.split(':', 2);
  if (!id) return null;
  const words = quote.trim();
  const extra = words ? { quote: words } : {};
  if (kind === 'person') return { personId: id, ...extra };
  if (kind === 'team') return { teamId: id, ...extra };
  return null;
}

/** Who a kudos credits, for its chip. */
export function creditedName(kudos: Pick<Kudos, 'personName' | 'teamName'>): string {
  return (
    kudos.personName ??
    (kudos.teamName ? `Team: ${kudos.teamName}` : 'someone no longer in the directory')
  );
}

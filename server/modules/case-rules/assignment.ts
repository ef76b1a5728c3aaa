import type { Assignment, AssignmentStrategy } from './case-rules.schemas.ts';
import type { RoutingItem, RoutingTeam } from './routing.repository.ts';

/**
 * Who owns a new case. Pure: the routing service loads the teams and takes the round-robin turns
 * (one counter per rule) before asking.
 */
export interface AssignedTo {
  ownerId: string | null;
  teamId: string | null;
  strategy: AssignmentStrategy | 'fallback';
}

/** The team a strategy hands the case to, before any owner is chosen. */
export function teamOf(assignment: Assignment, item: RoutingItem): string | null {
  if (assignment.strategy === 'touchpoint_team') return item.touchpointTeamId;
  if (assignment.strategy === 'team') return assignment.teamId;
  return null;
}

/** The people who take turns for this case: the listed users, or the team's Hearken users. */
export function turnTakers(
  assignment: Assignment,
  item: RoutingItem,
  teams: ReadonlyMap<string, RoutingTeam>,
): readonly string[] {
  if (assignment.strategy === 'round_robin') return assignment.userIds;
  const teamId = teamOf(assignment, item);
  return teamId ? (teams.get(teamId)?.memberUserIds ?? []) : [];
}

/**
 * The owner and team: the account's owner; the touchpoint's (or a fixed) team, owned in turn by
 * its people who use Hearken, else by its lead; the next of the listed users; a fixed user. When
 * the strategy finds nobody, the rule's fallback user and team. `turn` is this case's turn
 * number in the rule's round robin (only used when there are people taking turns).
 */
export function assign(
  assignment: Assignment,
  item: RoutingItem,
  teams: ReadonlyMap<string, RoutingTeam>,
  turn: number,
): AssignedTo {
  let ownerId: string | null = null;
  let teamId: string | null = null;
  switch (assignment.strategy) {
    case 'account_owner':
      ownerId = item.accountOwnerId;
      break;
    case 'user':
      ownerId = assignment.userId;
      break;
    case 'round_robin': {
      const users = assignment.userIds;
      ownerId = users.length > 0 ? (users[turn % users.length] ?? null) : null;
      break;
    }
    case 'touchpoint_team':
    case 'team': {
      const id = teamOf(assignment, item);
      const team = id ? teams.get(id) : undefined;
      if (team) {
        teamId = team.id;
        const people = team.memberUserIds;
        ownerId = people.length > 0 ? (people[turn % people.length] ?? null) : team.leadUserId;
      }
      break;
    }
  }
  if (ownerId === null && teamId === null) {
    const fallbackTeam = assignment.fallbackTeamId;
    if (!assignment.fallbackUserId && !fallbackTeam)
      return { ownerId: null, teamId: null, strategy: assignment.strategy };
    return {
      ownerId:
        assignment.fallbackUserId ??
        (fallbackTeam ? (teams.get(fallbackTeam)?.leadUserId ?? null) : null),
      teamId: fallbackTeam,
      strategy: 'fallback',
    };
  }
  if (ownerId === null && assignment.fallbackUserId) ownerId = assignment.fallbackUserId;
  return { ownerId, teamId, strategy: assignment.strategy };
}

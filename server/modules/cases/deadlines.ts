import type { Db } from '../../db/client.ts';
import type { OpenStage } from '../../db/schema/index.ts';
import { loadTeams, workspaceTimezone } from '../case-rules/routing.repository.ts';
import { addDeadlineHours, calendarOf, type TeamCalendar } from './business-time.ts';

/** What a rule allows for one stage. */
export interface StageDeadline {
  hours: number;
  /** Count only the team's business hours (skipping nights, weekends and holidays). */
  businessHours: boolean;
}
export type StageDeadlines = Partial<Record<OpenStage, StageDeadline>>;

/** Pure: the due time of a stage entered at `from`, given the calendar business hours use. */
export function dueAtWith(
  deadlines: StageDeadlines,
  stage: OpenStage,
  from: Date,
  calendar: TeamCalendar,
): Date | null {
  const deadline = deadlines[stage];
  if (!deadline || !(deadline.hours > 0)) return null;
  const wanted = { hours: deadline.hours, businessHours: !!deadline.businessHours };
  try {
    return addDeadlineHours(from, wanted, calendar);
  } catch {
    // A calendar with no working hours at all: every hour counts rather than never.
    return addDeadlineHours(from, { ...wanted, businessHours: false }, calendar);
  }
}

/** Whether any stage's deadline counts business hours (and so needs a calendar). */
export const needsCalendar = (deadlines: StageDeadlines) =>
  Object.values(deadlines).some((deadline) => deadline?.businessHours === true);

/**
 * The calendars of teams (and of no team: `null` key) in two queries: the teams' hours and
 * holidays, and the workspace's time zone for teams without hours of their own.
 */
export async function loadCalendars(
  db: Db,
  workspaceId: string,
  teamIds: ReadonlyArray<string | null>,
): Promise<(teamId: string | null) => TeamCalendar> {
  const ids = [...new Set(teamIds.filter((id): id is string => id !== null))];
  const [timezone, teams] = await Promise.all([
    workspaceTimezone(db, workspaceId),
    loadTeams(db, workspaceId, ids),
  ]);
  const byId = new Map(teams.map((team) => [team.id, calendarOf(team, timezone)]));
  const fallback = calendarOf(null, timezone);
  return (teamId) => (teamId ? (byId.get(teamId) ?? fallback) : fallback);
}

/**
 * When a case entering `stage` at `from` must have finished it, or null when its rule sets no
 * deadline for the stage. Business-hour deadlines use the case team's calendar (its hours, zone
 * and holidays), or the workspace's zone Monday to Friday 09:00–17:00 when it has none.
 */
export async function dueAtFor(
  db: Db,
  workspaceId: string,
  target: { deadlines: StageDeadlines; teamId: string | null },
  stage: OpenStage,
  from: Date,
): Promise<Date | null> {
  const deadline = target.deadlines[stage];
  if (!deadline) return null;
  if (!deadline.businessHours)
    return dueAtWith(target.deadlines, stage, from, calendarOf(null, 'UTC'));
  const calendar = await loadCalendars(db, workspaceId, [target.teamId]);
  return dueAtWith(target.deadlines, stage, from, calendar(target.teamId));
}

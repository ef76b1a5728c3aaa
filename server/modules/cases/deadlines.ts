import type { Db } from '../../db/client.ts';
import type { OpenStage } from '../../db/schema/index.ts';

/** What a rule allows for one stage. */
export interface StageDeadline {
  hours: number;
  /** Count only the team's business hours (skipping nights, weekends and holidays). */
  businessHours: boolean;
}
export type StageDeadlines = Partial<Record<OpenStage, StageDeadline>>;

/**
 * When a case entering `stage` at `from` must have finished it, or null when its rule sets no
 * deadline for the stage. Business-hour deadlines use the case team's calendar.
 *
 * TODO(routing): business hours and holidays per team; until then every hour counts.
 */
export async function dueAtFor(
  _db: Db,
  _workspaceId: string,
  target: { deadlines: StageDeadlines; teamId: string | null },
  stage: OpenStage,
  from: Date,
): Promise<Date | null> {
  const deadline = target.deadlines[stage];
  if (!deadline) return null;
  return new Date(from.getTime() + deadline.hours * 3_600_000);
}

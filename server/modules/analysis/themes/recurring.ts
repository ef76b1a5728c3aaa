/**
 * Recurring issues: a theme whose negative feedback keeps coming back, week after week. Until
 * cases and actions exist, "without an action linked to it" cannot be checked; once they do, a
 * linked open action clears the flag (the caller passes `hasAction`).
 */
export interface RecurringRule {
  /** Weeks looked back, the current week included (M). */
  windowWeeks: number;
  /** Weeks within the window that must have negative feedback (N). */
  minWeeks: number;
  /** Negative items in a week for the week to count. */
  minNegativePerWeek: number;
}

export const DEFAULT_RECURRING_RULE: RecurringRule = {
  windowWeeks: 6,
  minWeeks: 3,
  minNegativePerWeek: 2,
};

export interface WeekCount {
  /** Monday 00:00 UTC of the week. */
  weekStart: Date;
  negative: number;
}

export interface RecurringState {
  recurring: boolean;
  /** When the pattern started: the first counting week of the window, or the earlier flag. */
  since: Date | null;
}

/** Monday 00:00 UTC of the week containing `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000);
}

/**
 * Whether a theme is a recurring issue now: negative volume in at least N of the last M weeks.
 * A theme already flagged keeps its `since`; a cleared one loses it.
 */
export function recurringState(
  weeks: readonly WeekCount[],
  now: Date,
  previous: RecurringState,
  rule: RecurringRule = DEFAULT_RECURRING_RULE,
  hasAction = false,
): RecurringState {
  if (hasAction) return { recurring: false, since: null };
  const current = weekStart(now).getTime();
  const first = current - (rule.windowWeeks - 1) * 7 * 86_400_000;
  const counting = weeks
    .filter((week) => {
      const start = weekStart(week.weekStart).getTime();
      return start >= first && start <= current && week.negative >= rule.minNegativePerWeek;
    })
    .map((week) => weekStart(week.weekStart).getTime());
  const distinct = [...new Set(counting)].sort((a, b) => a - b);
  if (distinct.length < rule.minWeeks) return { recurring: false, since: null };
  if (previous.recurring && previous.since) return previous;
  return { recurring: true, since: new Date(distinct[0]!) };
}

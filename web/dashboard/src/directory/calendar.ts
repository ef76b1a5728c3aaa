import type { StaffTeam, TeamInput } from './types.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The team form's calendar fields as the API takes them. */
export function calendarFromForm(
  form: FormData,
): Pick<TeamInput, 'leadUserId' | 'businessHours' | 'holidays'> {
  const timezone = text(form, 'timezone');
  const opens = text(form, 'opens') || '09:00';
  const closes = text(form, 'closes') || '17:00';
  return {
    leadUserId: text(form, 'leadUserId') || null,
    businessHours: timezone
      ? {
          timezone,
          days: Object.fromEntries(WEEKDAYS.map((day) => [day, [opens, closes]])) as Record<
            string,
            [string, string]
          >,
        }
      : null,
    holidays: text(form, 'holidays')
      .split(/[,\s]+/)
      .filter(Boolean),
  };
}

export function calendarDefaults(team: StaffTeam | null) {
  const hours = team?.businessHours;
  const monday = hours?.days.mon ?? hours?.days.tue;
  return {
    timezone: hours?.timezone ?? '',
    opens: monday?.[0] ?? '09:00',
    closes: monday?.[1] ?? '17:00',
    holidays: (team?.holidays ?? []).join(', '),
  };
}

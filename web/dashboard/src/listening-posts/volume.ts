import { formatCount } from '../format.ts';
import type { ListeningPost } from '../types.ts';

export const VOLUME_DAYS = 30;

export interface DailyVolume {
  day: string;
  count: number;
}

/**
 * Every day of the last 30, oldest first, with zeros where nothing arrived (the API leaves
 * those days out). Days are UTC calendar days, as the API reports them.
 */
export function dailyVolume(
  volume: ListeningPost['volume'],
  now: Date = new Date(),
): DailyVolume[] {
  const counts = new Map(volume.map((entry) => [entry.day, entry.count]));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: VOLUME_DAYS }, (_, index) => {
    const day = new Date(today - (VOLUME_DAYS - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "42 items in the last 30 days, most on 3 Mar (9)". */
export function describeVolume(days: readonly DailyVolume[]): string {
  const total = days.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return `Nothing received in the last ${VOLUME_DAYS} days`;
  const busiest = days.reduce((best, entry) => (entry.count > best.count ? entry : best));
  const when = dayFormat.format(new Date(`${busiest.day}T00:00:00Z`));
  const items = `${formatCount(total)} item${total === 1 ? '' : 's'}`;
  return `${items} in the last ${VOLUME_DAYS} days, most on ${when} (${formatCount(busiest.count)})`;
}

import type { SurveyRow } from './surveys.repository.ts';

/**
 * Surveys behind public links, as last read, for a moment: every page view and every answer opens
 * its survey, and at hundreds of answers a second that lookup was a third of the database work of
 * an answer. A survey edited, or a post paused, is seen at once by the process that changed it
 * (see forgetPublicSurveys) and within TTL_MS by any other.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

export type PublicSurveyRow = SurveyRow & { workspaceId: string };

const entries = new Map<string, { row: PublicSurveyRow | undefined; readAt: number }>();

export async function cachedPublicSurvey(
  token: string,
  read: () => Promise<PublicSurveyRow | undefined>,
  now = Date.now(),
): Promise<PublicSurveyRow | undefined> {
  const hit = entries.get(token);
  if (hit && now - hit.readAt < TTL_MS) return hit.row;
  const row = await read();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(token, { row, readAt: now });
  return row;
}

/** Called after a survey or a listening post changes, so this process serves the change at once. */
export function forgetPublicSurveys(): void {
  entries.clear();
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

export interface DuplicateGroupRow {
  feedbackId: string;
  text: string;
  receivedAt: string;
  contactId: string | null;
  repeats: number;
  people: number;
  lastAt: string;
  repeatIds: string[];
}

/**
 * Groups of near-duplicates: a first item and the later items that nearly repeat it.
 * `many-people` ranks groups by how many different known senders they have (the same complaint
 * from many people); `same-person` keeps only repeats by the first item's own sender.
 */
export function listDuplicateGroups(
  db: Db,
  workspaceId: string,
  kind: 'many-people' | 'same-person',
  limit: number,
) {
  const samePerson = kind === 'same-person';
  return queryRows<DuplicateGroupRow>(
    db,
    sql`WITH repeats AS (
          SELECT a.duplicate_of AS root, d.id, d.contact_id, d.received_at
          FROM feedback_analysis a
          JOIN feedback d ON d.workspace_id = a.workspace_id AND d.id = a.feedback_id
          ${samePerson ? sql`JOIN feedback r0 ON r0.workspace_id = a.workspace_id AND r0.id = a.duplicate_of AND r0.contact_id = d.contact_id` : sql``}
          WHERE a.workspace_id = ${workspaceId} AND a.duplicate_of IS NOT NULL),
        groups AS (
          SELECT root, count(*)::int AS repeats, max(received_at) AS last_at,
            (array_agg(id ORDER BY received_at DESC))[1:20] AS repeat_ids,
            array_agg(DISTINCT contact_id) FILTER (WHERE contact_id IS NOT NULL) AS contacts
          FROM repeats GROUP BY root)
        SELECT r.id AS "feedbackId", r.text, r.received_at AS "receivedAt", r.contact_id AS "contactId",
          g.repeats, g.last_at AS "lastAt", g.repeat_ids AS "repeatIds",
          (SELECT count(DISTINCT c)::int FROM unnest(coalesce(g.contacts, '{}') || r.contact_id) AS c
            WHERE c IS NOT NULL) AS people
        FROM groups g JOIN feedback r ON r.workspace_id = ${workspaceId} AND r.id = g.root
        ORDER BY ${samePerson ? sql`g.repeats` : sql`people`} DESC, g.repeats DESC, g.last_at DESC
        LIMIT ${limit}`,
  );
}

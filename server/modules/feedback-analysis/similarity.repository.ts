import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** A text's LSH band hashes: `hashes[band]`, every band of the signature in order. */
export interface TextBands {
  subjectId: string;
  hashes: number[];
}

/**
 * The band rows of texts, sent as one compact record per text (its id once, then its hashes) and
 * expanded here: a fifth of the bytes of one JSON object per band row, for the driver to write
 * and the server to parse.
 */
const bandRowsOf = (texts: TextBands[]) =>
  sql`(SELECT t."subjectId", (h.ordinality - 1)::smallint AS band, h.hash
        FROM jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) AS t("subjectId" uuid, hashes bigint[])
        CROSS JOIN LATERAL unnest(t.hashes) WITH ORDINALITY AS h(hash, ordinality))`;

/**
 * Stores texts' bands. Rows already there are kept (a text recorded twice stores them once),
 * unless the caller knows none can exist (`fresh`: texts never stored before): a plain insert
 * skips the conflict check, about a third of the cost of storing a batch's bands.
 */
export async function insertBands(
  db: Db,
  workspaceId: string,
  subject: string,
  texts: TextBands[],
  options: { fresh?: boolean } = {},
) {
  if (texts.length === 0) return;
  const onConflict = options.fresh ? sql`` : sql`ON CONFLICT DO NOTHING`;
  await db.execute(
    sql`INSERT INTO text_similarity_bands (workspace_id, subject, subject_id, band, hash)
        SELECT ${workspaceId}::uuid, ${subject}, r."subjectId", r.band, r.hash
        FROM ${bandRowsOf(texts)} AS r
        ${onConflict}`,
  );
}

/**
 * Deletes texts' band rows by their full key. The lookup sits in a LATERAL with LIMIT 1 (a key
 * matches one row) so it stays a primary-key probe per row: as a plain join, a planner without
 * statistics (PGlite never analyses; a new PostgreSQL table neither) hashes every band of the
 * workspace instead.
 */
export async function deleteBands(
  db: Db,
  workspaceId: string,
  subject: string,
  texts: TextBands[],
) {
  if (texts.length === 0) return;
  await db.execute(
    sql`DELETE FROM text_similarity_bands b
        USING (SELECT found.tid FROM ${bandRowsOf(texts)} AS r
          CROSS JOIN LATERAL (
            SELECT t.ctid AS tid FROM text_similarity_bands t
            WHERE t.workspace_id = ${workspaceId} AND t.subject = ${subject} AND t.band = r.band
              AND t.hash = r.hash AND t.subject_id = r."subjectId"
            LIMIT 1) found) doomed
        WHERE b.ctid = doomed.tid`,
  );
}

/**
 * For each probe (an id with its band hashes), the stored subjects sharing at least one band and
 * how many bands they share, at most `perProbe` of them: those sharing the most bands. Each bucket
 * is read at most `perBucket` rows deep, so a complaint repeated ten thousand times costs the
 * same lookup as one repeated ten times.
 */
export function findBandMatches(
  db: Db,
  workspaceId: string,
  subject: string,
  probes: TextBands[],
  depth: { perBucket: number; perProbe: number },
) {
  if (probes.length === 0) return Promise.resolve([]);
  return queryRows<{ probeId: string; candidateId: string; shared: number }>(
    db,
    sql`SELECT "probeId", "candidateId", shared FROM (
          SELECT p."subjectId" AS "probeId", c.subject_id AS "candidateId", count(*)::int AS shared,
            row_number() OVER (PARTITION BY p."subjectId" ORDER BY count(*) DESC, c.subject_id) AS rank
          FROM ${bandRowsOf(probes)} AS p
          CROSS JOIN LATERAL (
            SELECT b.subject_id FROM text_similarity_bands b
            WHERE b.workspace_id = ${workspaceId} AND b.subject = ${subject}
              AND b.band = p.band AND b.hash = p.hash AND b.subject_id <> p."subjectId"
            LIMIT ${depth.perBucket}) c
          GROUP BY p."subjectId", c.subject_id) ranked
        WHERE rank <= ${depth.perProbe}`,
  );
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { uuidArray } from './analysis.repository.ts';

export interface BandRow {
  subjectId: string;
  band: number;
  hash: number;
}

/** Replaces the LSH bands of these subjects (a revised text gets new bands, a short one none). */
export async function replaceBands(
  db: Db,
  workspaceId: string,
  subject: string,
  subjectIds: readonly string[],
  rows: BandRow[],
) {
  if (subjectIds.length === 0) return;
  await db.execute(
    sql`DELETE FROM text_similarity_bands WHERE workspace_id = ${workspaceId}
          AND subject = ${subject} AND subject_id = ANY(${uuidArray(subjectIds)})`,
  );
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO text_similarity_bands (workspace_id, subject, subject_id, band, hash)
        SELECT ${workspaceId}::uuid, ${subject}, r."subjectId", r.band, r.hash
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r("subjectId" uuid, band smallint, hash bigint)
        ON CONFLICT DO NOTHING`,
  );
}

export async function deleteBands(
  db: Db,
  workspaceId: string,
  subject: string,
  subjectIds: readonly string[],
) {
  await replaceBands(db, workspaceId, subject, subjectIds, []);
}

/**
 * For each probe (an id with its band hashes), the stored subjects sharing at least one band and
 * how many bands they share. Each bucket is read at most `perBucket` rows deep, so a complaint
 * repeated ten thousand times costs the same lookup as one repeated ten times.
 */
export function findBandMatches(
  db: Db,
  workspaceId: string,
  subject: string,
  probes: BandRow[],
  perBucket: number,
) {
  if (probes.length === 0) return Promise.resolve([]);
  return queryRows<{ probeId: string; candidateId: string; shared: number }>(
    db,
    sql`SELECT p."subjectId" AS "probeId", c.subject_id AS "candidateId", count(*)::int AS shared
        FROM jsonb_to_recordset(${JSON.stringify(probes)}::jsonb)
          AS p("subjectId" uuid, band smallint, hash bigint)
        CROSS JOIN LATERAL (
          SELECT b.subject_id FROM text_similarity_bands b
          WHERE b.workspace_id = ${workspaceId} AND b.subject = ${subject}
            AND b.band = p.band AND b.hash = p.hash AND b.subject_id <> p."subjectId"
          LIMIT ${perBucket}) c
        GROUP BY p."subjectId", c.subject_id`,
  );
}

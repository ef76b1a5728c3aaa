import type { Db } from '../../db/client.ts';
import { DUPLICATE_THRESHOLD, estimateJaccard } from '../analysis/similarity/index.ts';
import { loadCandidates } from './analysis.repository.ts';
import {
  deleteBands,
  findBandMatches,
  insertBands,
  type TextBands,
} from './similarity.repository.ts';
import {
  MATCH_DEPTH,
  SIMILARITY_MAX_CHARS,
  storedSignature,
  textBands,
} from './similarity.service.ts';

export interface SignedItem {
  id: string;
  receivedAt: Date;
  /** Null for texts too short to compare; they are never duplicates. */
  signature: Uint32Array | null;
  /**
   * What an earlier analysis stored: `undefined` when there was none; null when its signature
   * is unknown (too short, or analysed before signatures were stored).
   */
  previous?: Uint32Array | null;
}

const before = (a: { receivedAt: Date; id: string }, b: { receivedAt: Date; id: string }) =>
  a.receivedAt.getTime() < b.receivedAt.getTime() ||
  (a.receivedAt.getTime() === b.receivedAt.getTime() && a.id < b.id);

const sameSignature = (a: Uint32Array, b: Uint32Array) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Brings the stored bands in line with the new signatures: an item analysed for the first time
 * only inserts (no lookup of old rows, no conflict check); a re-analysed one whose signature
 * changed deletes its old bands by key first, and one whose signature did not change writes
 * nothing. An old signature that is unknown deletes nothing: a stale band can only propose a
 * candidate, which the signature check then turns down.
 */
async function storeBands(
  db: Db,
  workspaceId: string,
  items: SignedItem[],
  bandsOf: ReadonlyMap<string, TextBands[]>,
) {
  const changed = items.filter(
    (item) => !(item.previous && item.signature && sameSignature(item.previous, item.signature)),
  );
  const stale = changed.flatMap((item) => textBands(item.id, item.previous ?? null));
  await deleteBands(db, workspaceId, 'feedback', stale);
  const newBands = (some: SignedItem[]) => some.flatMap((item) => bandsOf.get(item.id) ?? []);
  // Never analysed: no band of theirs can exist, so no conflict check. (Two jobs analysing one
  // new item at once: the second fails on the key and its retry finds the item analysed.)
  const firstTime = changed.filter((item) => item.previous === undefined);
  const again = changed.filter((item) => item.previous !== undefined);
  await insertBands(db, workspaceId, 'feedback', newBands(firstTime), { fresh: true });
  await insertBands(db, workspaceId, 'feedback', newBands(again));
}

/**
 * Stores the batch's LSH bands and finds, for each item, the earliest earlier feedback it nearly
 * repeats: candidates share a band (the few sharing the most, see MATCH_DEPTH), and count only
 * when their estimated Jaccard similarity reaches DUPLICATE_THRESHOLD. A candidate that is itself
 * a repeat leads to the item it repeats, so a group has one first item however deep the buckets
 * are read. Run inside the batch's transaction, so items of one batch find each other.
 */
export async function markDuplicates(
  db: Db,
  workspaceId: string,
  items: SignedItem[],
): Promise<Map<string, string | null>> {
  // Each item's bands, hashed once: stored, then used as the lookup's probes.
  const bandsOf = new Map(items.map((item) => [item.id, textBands(item.id, item.signature)]));
  await storeBands(db, workspaceId, items, bandsOf);
  const probes = [...bandsOf.values()].flat();
  const result = new Map<string, string | null>(items.map((item) => [item.id, null]));
  const matches = await findBandMatches(db, workspaceId, 'feedback', probes, MATCH_DEPTH);
  if (matches.length === 0) return result;

  const batch = new Map(items.map((item) => [item.id, item]));
  const outside = [...new Set(matches.map((match) => match.candidateId))].filter(
    (id) => !batch.has(id),
  );
  const stored = new Map(
    (await loadCandidates(db, workspaceId, outside, SIMILARITY_MAX_CHARS)).map((row) => [
      row.id,
      {
        id: row.id,
        receivedAt: new Date(row.receivedAt),
        signature: storedSignature(row),
        duplicateOf: row.duplicateOf,
      },
    ]),
  );
  const candidatesOf = new Map<string, string[]>();
  for (const match of matches) {
    const list = candidatesOf.get(match.probeId) ?? [];
    list.push(match.candidateId);
    candidatesOf.set(match.probeId, list);
  }

  // Earlier items first, so a later item of the batch can follow an earlier one to its group.
  for (const item of [...items].sort((a, b) => (before(a, b) ? -1 : 1))) {
    if (!item.signature) continue;
    let earliest: { id: string; receivedAt: Date; root: string } | undefined;
    for (const candidateId of candidatesOf.get(item.id) ?? []) {
      const inBatch = batch.get(candidateId);
      const candidate = inBatch
        ? { ...inBatch, duplicateOf: result.get(candidateId) ?? null }
        : stored.get(candidateId);
      if (!candidate?.signature || !before(candidate, item)) continue;
      if (estimateJaccard(item.signature, candidate.signature) < DUPLICATE_THRESHOLD) continue;
      if (!earliest || before(candidate, earliest))
        earliest = { ...candidate, root: candidate.duplicateOf ?? candidate.id };
    }
    result.set(item.id, earliest && earliest.root !== item.id ? earliest.root : null);
  }
  return result;
}

import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob } from '../../jobs/job.ts';
import { lockIdentities } from '../identity/identity.repository.ts';
import { resolveIdentity } from '../identity/identity.service.ts';
import * as repo from './ingest.repository.ts';
import type { NormalisedItem } from './normalise.ts';
import { normaliseRawItem } from './normalisers.ts';

const MAX_ATTEMPTS = 5;
/**
 * Items per transaction. Short transactions keep the per-workspace identity lock brief and, on
 * PGlite (one connection for the whole process), let API requests in between chunks.
 */
const CHUNK_SIZE = 100;

type Parsed = { raw: repo.PendingRawItem; item: NormalisedItem };
type Failure = { id: number; error: string };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function storeItem(db: Db, workspaceId: string, { raw, item }: Parsed): Promise<string> {
  const identity = await resolveIdentity(db, workspaceId, item);
  const row = { ...item, ...identity, rawItemId: raw.id, postId: raw.postId };
  // Safe against a concurrent sibling: the caller holds the workspace's identity lock.
  const amended = item.sameFeedbackAs?.length
    ? await repo.amendSiblingFeedback(db, workspaceId, item.sameFeedbackAs, row)
    : undefined;
  return amended ?? repo.upsertNormalisedFeedback(db, workspaceId, row);
}

/** Stores one chunk in one transaction; `isolate` gives each item a savepoint so one failure spares the rest. */
async function storeChunk(
  db: Db,
  workspaceId: string,
  chunk: Parsed[],
  isolate: boolean,
): Promise<Failure[]> {
  const failures: Failure[] = [];
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await lockIdentities(txDb, workspaceId);
    const done: Array<{ rawItemId: number; feedbackId: string }> = [];
    for (const parsed of chunk) {
      if (!isolate) {
        done.push({
          rawItemId: parsed.raw.id,
          feedbackId: await storeItem(txDb, workspaceId, parsed),
        });
        continue;
      }
      try {
        const feedbackId = await txDb.transaction((savepoint) =>
          storeItem(savepoint as unknown as Db, workspaceId, parsed),
        );
        done.push({ rawItemId: parsed.raw.id, feedbackId });
      } catch (error) {
        failures.push({ id: parsed.raw.id, error: messageOf(error) });
      }
    }
    await repo.markProcessed(txDb, workspaceId, done);
  });
  return failures;
}

/**
 * Normalises a batch of raw items into feedback: identity, touchpoint, score, text. Idempotent:
 * processed items are skipped and each raw item makes at most one feedback item. One bad item
 * does not hold back the others: it is retried on its own and dead-lettered with its reason.
 */
export const normaliseJob = defineJob({
  name: repo.NORMALISE_JOB,
  payload: z.object({ rawItemIds: z.array(z.number().int().positive()).min(1).max(10_000) }),
  maxAttempts: MAX_ATTEMPTS,
  async handler({ rawItemIds }, { db, workspaceId, attempt }) {
    if (!workspaceId) throw new Error('normalisation needs a workspace');
    const pending = await repo.loadPendingRawItems(db, workspaceId, rawItemIds);
    const failures: Failure[] = [];
    const parsed: Parsed[] = [];
    for (const raw of pending) {
      try {
        parsed.push({ raw, item: normaliseRawItem(raw) });
      } catch (error) {
        failures.push({ id: raw.id, error: messageOf(error) });
      }
    }
    for (let start = 0; start < parsed.length; start += CHUNK_SIZE) {
      const chunk = parsed.slice(start, start + CHUNK_SIZE);
      // Fast path without savepoints; if any item fails, redo the chunk item by item.
      const chunkFailures = await storeChunk(db, workspaceId, chunk, false).catch(() =>
        storeChunk(db, workspaceId, chunk, true),
      );
      failures.push(...chunkFailures);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const lastAttempt = attempt >= MAX_ATTEMPTS;
    for (const failure of failures)
      await repo.markFailed(db, workspaceId, failure.id, failure.error, lastAttempt);
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${pending.length} items could not be normalised; first: ${failures[0]!.error}`,
      );
    }
  },
});

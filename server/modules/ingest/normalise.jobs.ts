import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob } from '../../jobs/job.ts';
import { lockIdentities } from '../identity/identity.repository.ts';
import { resolveIdentity } from '../identity/identity.service.ts';
import * as repo from './ingest.repository.ts';
import { normaliseRawItem } from './normalise.ts';

const MAX_ATTEMPTS = 5;

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
    const failures: Array<{ id: number; error: string }> = [];
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      await lockIdentities(txDb, workspaceId);
      const done: Array<{ rawItemId: number; feedbackId: string }> = [];
      for (const raw of pending) {
        try {
          const item = normaliseRawItem(raw);
          // A savepoint per item: a database error on one item must not abort the whole batch.
          const feedbackId = await txDb.transaction(async (savepoint) => {
            const spDb = savepoint as unknown as Db;
            const identity = await resolveIdentity(spDb, workspaceId, item);
            return repo.upsertNormalisedFeedback(spDb, workspaceId, {
              ...item,
              ...identity,
              rawItemId: raw.id,
              postId: raw.postId,
            });
          });
          done.push({ rawItemId: raw.id, feedbackId });
        } catch (error) {
          failures.push({
            id: raw.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      await repo.markProcessed(txDb, workspaceId, done);
    });
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

import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob } from '../../jobs/job.ts';
import { queueAnalysis } from '../feedback-analysis/analysis.service.ts';
import { resolveIdentities } from '../identity/identity.service.ts';
import { attachInboundReplies } from '../replies/inbound.service.ts';
import * as repo from './ingest.repository.ts';
import { insertNormalisedFeedback } from './normalised-feedback.repository.ts';
import type { NormalisedItem } from './normalise.ts';
import { normaliseRawItem } from './normalisers.ts';

const MAX_ATTEMPTS = 5;
/**
 * Items per chunk. Each chunk costs a handful of statements whatever its size; chunks stay short
 * so that, on PGlite (one connection for the whole process), API requests get in between them.
 */
const CHUNK_SIZE = 200;

type Parsed = { raw: repo.PendingRawItem; item: NormalisedItem };
type Failure = { id: number; error: string };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Identities = Awaited<ReturnType<typeof resolveIdentities>>;

/**
 * Resolves a chunk's contacts and accounts in a short transaction of its own: the workspace's
 * identity lock is held only for these few statements, not while the feedback is written, so
 * chunks of one workspace normalise side by side. A crash before the feedback commits leaves
 * contacts that the retry finds again by their keys, never duplicates.
 */
function resolveChunk(db: Db, workspaceId: string, chunk: Parsed[]): Promise<Identities> {
  return db.transaction((tx) =>
    resolveIdentities(
      tx as unknown as Db,
      workspaceId,
      chunk.map(({ item }) => item),
    ),
  );
}

/**
 * Stores the feedback of a chunk, all or nothing, with the job that analyses it: feedback revised
 * by a later raw item (grouped survey pages) is analysed again.
 */
async function storeItems(db: Db, workspaceId: string, chunk: Parsed[], identities: Identities) {
  const feedbackIds = await insertNormalisedFeedback(
    db,
    workspaceId,
    chunk.map(({ raw, item }, position) => ({
      ...item,
      ...identities[position]!,
      rawItemId: raw.id,
      postId: raw.postId,
    })),
  );
  await repo.markProcessed(
    db,
    workspaceId,
    chunk.map(({ raw }) => {
      const feedbackId = feedbackIds.get(raw.id);
      if (!feedbackId) throw new Error(`feedback for raw item ${raw.id} was not stored`);
      return { rawItemId: raw.id, feedbackId };
    }),
  );
  await queueAnalysis(db, workspaceId, [...feedbackIds.values()]);
  // A customer's email answering a reply sent from a case joins that case (replies module).
  await attachInboundReplies(
    db,
    workspaceId,
    chunk.map(({ raw, item }) => ({ ...item, feedbackId: feedbackIds.get(raw.id)! })),
  );
}

async function storeAlone(db: Db, workspaceId: string, chunk: Parsed[]) {
  const identities = await resolveChunk(db, workspaceId, chunk);
  await db.transaction((tx) => storeItems(tx as unknown as Db, workspaceId, chunk, identities));
}

/**
 * Stores a chunk (identities, then feedback). If that fails, each item goes alone, so one bad
 * item spares the rest and carries its own reason.
 */
async function storeChunk(db: Db, workspaceId: string, chunk: Parsed[]): Promise<Failure[]> {
  try {
    await storeAlone(db, workspaceId, chunk);
    return [];
  } catch (error) {
    if (chunk.length === 1) return [{ id: chunk[0]!.raw.id, error: messageOf(error) }];
  }
  const failures: Failure[] = [];
  for (const parsed of chunk) {
    try {
      await storeAlone(db, workspaceId, [parsed]);
    } catch (error) {
      failures.push({ id: parsed.raw.id, error: messageOf(error) });
    }
  }
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
  // One job per survey answer or API call: under load the worker takes them in a few at a time.
  coalesce: { field: 'rawItemIds', max: 1000 },
  maxAttempts: MAX_ATTEMPTS,
  async handler({ rawItemIds }, { db, workspaceId, attempt }) {
    if (!workspaceId) throw new Error('normalisation needs a workspace');
    const lastAttempt = attempt >= MAX_ATTEMPTS;
    try {
      await normalise(db, workspaceId, rawItemIds, lastAttempt);
    } catch (error) {
      // Whatever stopped the job (a lost connection, a bug), its items must not sit unseen in
      // `received` once the job gives up: they turn dead with the reason, ready for a retry.
      if (lastAttempt)
        await repo.markStillReceivedDead(db, workspaceId, rawItemIds, messageOf(error));
      throw error;
    }
  },
});

async function normalise(db: Db, workspaceId: string, rawItemIds: number[], lastAttempt: boolean) {
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
    failures.push(...(await storeChunk(db, workspaceId, chunk)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  for (const failure of failures)
    await repo.markFailed(db, workspaceId, failure.id, failure.error, lastAttempt);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${pending.length} items could not be normalised; first: ${failures[0]!.error}`,
    );
  }
}

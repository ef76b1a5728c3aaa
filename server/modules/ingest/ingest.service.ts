import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Channel, RawItemState } from '../../db/schema/index.ts';
import { errors, type ErrorDetail } from '../../errors.ts';
import type { FeedbackItem } from './ingest.schemas.ts';
import { markPostsReceived } from '../listening-posts/listening-posts.service.ts';
import * as repo from './ingest.repository.ts';

/**
 * How an item is recognised when it arrives again: the caller's Idempotency-Key (with the
 * item's position in a batch), else the caller's own id for the item, else its content.
 */
export function dedupKeyFor(
  item: FeedbackItem,
  index: number,
  idempotencyKey: string | undefined,
): string {
  if (idempotencyKey) return `api:key:${idempotencyKey}:${index}`;
  if (item.externalId) return `api:ext:${item.externalId}`;
  return `api:sha256:${createHash('sha256').update(JSON.stringify(item)).digest('base64url')}`;
}

async function checkReferences(ctx: AppContext, workspaceId: string, items: FeedbackItem[]) {
  const details: ErrorDetail[] = [];
  const check = async (
    table: 'touchpoints' | 'listening_posts',
    field: 'touchpointId' | 'postId',
  ) => {
    const ids = [
      ...new Set(items.map((item) => item[field]).filter((id): id is string => Boolean(id))),
    ];
    const missing = new Set(await repo.missingIds(ctx.db, workspaceId, table, ids));
    items.forEach((item, index) => {
      if (item[field] && missing.has(item[field]))
        details.push({
          path: `body.items.${index}.${field}`,
          message: 'does not exist in this workspace',
        });
    });
  };
  await check('touchpoints', 'touchpointId');
  await check('listening_posts', 'postId');
  if (details.length > 0)
    throw errors.invalid(
      'Some items refer to touchpoints or listening posts that do not exist.',
      details,
    );
  const postIds = [...new Set(items.flatMap((item) => (item.postId ? [item.postId] : [])))];
  const paused = new Set(await repo.pausedPostIds(ctx.db, workspaceId, postIds));
  const pausedDetails = items.flatMap((item, index) =>
    item.postId && paused.has(item.postId)
      ? [{ path: `body.items.${index}.postId`, message: 'is paused' }]
      : [],
  );
  if (pausedDetails.length > 0)
    throw errors.conflict(
      'Some items go to listening posts that are paused; resume them first.',
      pausedDetails,
    );
}

/**
 * Receives feedback through the public API: validates references, then stores every item raw
 * (duplicates are recognised and skipped) and queues normalisation, all in one statement.
 * Either the whole batch is stored or none of it.
 */
export async function receiveFeedback(
  ctx: AppContext,
  workspaceId: string,
  items: FeedbackItem[],
  idempotencyKey: string | undefined,
  channel: Channel = 'api',
) {
  await checkReferences(ctx, workspaceId, items);
  const keyed = items.map((item, index) => ({
    dedupKey: dedupKeyFor(item, index, idempotencyKey),
    payload: item,
    postId: item.postId ?? null,
  }));
  const stored = await repo.receiveRawItems(ctx.db, workspaceId, channel, keyed);
  if (stored.length > 0) ctx.jobs.notify();
  await markPostsReceived(ctx, workspaceId, [
    ...new Set(keyed.flatMap((item) => (item.postId ? [item.postId] : []))),
  ]);
  const idByKey = new Map(stored.map((row) => [row.dedupKey, row.id]));
  const seen = new Set<string>();
  const results = keyed.map((item, index) => {
    const rawItemId = seen.has(item.dedupKey) ? undefined : idByKey.get(item.dedupKey);
    seen.add(item.dedupKey);
    return { index, rawItemId: rawItemId ?? null, duplicate: rawItemId === undefined };
  });
  return { accepted: stored.length, duplicates: items.length - stored.length, items: results };
}

export function listRawItems(
  ctx: AppContext,
  workspaceId: string,
  state: RawItemState | undefined,
  limit: number,
) {
  return repo.listRawItems(ctx.db, workspaceId, state, limit);
}

export async function retryRawItem(ctx: AppContext, workspaceId: string, id: number) {
  if (!(await repo.requeueDeadRawItem(ctx.db, workspaceId, id)))
    throw errors.notFound('dead raw item', id);
  ctx.jobs.notify();
}

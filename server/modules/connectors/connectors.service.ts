import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { insertJobs, type NewJob } from '../../jobs/queue.repository.ts';
import {
  findPost,
  listActivePostsOfKinds,
  markPostsReceived,
  recordPostHealth,
} from '../listening-posts/listening-posts.service.ts';
import { settingsOf } from '../listening-posts/post-settings.ts';
import {
  connectorSettings,
  type ConnectorSettings,
  type SourceSpec,
} from './connectors.settings.ts';
import * as repo from './connectors.repository.ts';
import type { OutboundPolicy } from './outbound-guard.ts';
import { backoffMs, pollSource } from './poll.ts';

export const POLL_JOB = 'connectors.poll';
export const CONNECTOR_KINDS = ['feed', 'social'] as const;
type ConnectorKind = (typeof CONNECTOR_KINDS)[number];
type Deps = { db: Db };

const isConnectorKind = (kind: string): kind is ConnectorKind =>
  (CONNECTOR_KINDS as readonly string[]).includes(kind);

function pollJob(
  workspaceId: string,
  postId: string,
  slot: { sourceKey: string; nextPollAt: Date },
  force: boolean,
): NewJob {
  return {
    name: POLL_JOB,
    workspaceId,
    payload: { postId, sourceKey: slot.sourceKey, force },
    maxAttempts: 2,
    // One job per source and due slot, however many scheduler ticks see it due.
    uniqueKey: `${POLL_JOB}:${workspaceId}:${postId}:${slot.sourceKey}:${slot.nextPollAt.toISOString()}`,
  };
}

async function syncedSettings(
  deps: Deps,
  workspaceId: string,
  post: { id: string; kind: string; config: Record<string, unknown> },
) {
  const settings = connectorSettings(post.kind, settingsOf(post.config));
  if (!settings) {
    await recordPostHealth(
      deps,
      workspaceId,
      post.id,
      'The listening post’s sources or names are not valid; edit its settings.',
    );
    return undefined;
  }
  await repo.syncSources(deps.db, workspaceId, post.id, settings.specs);
  return settings;
}

/**
 * The scheduler tick: for every active feed and social post, brings its source rows up to date
 * with its settings and enqueues a poll job per source that is due. Safe to run from several
 * schedulers at once: a due slot names its job, so it is enqueued once.
 */
export async function enqueueDuePolls(deps: Deps, now = new Date()): Promise<number> {
  const posts = await listActivePostsOfKinds(deps, [...CONNECTOR_KINDS]);
  const jobs: NewJob[] = [];
  for (const post of posts) {
    if (!(await syncedSettings(deps, post.workspaceId, post))) continue;
    for (const slot of await repo.dueSources(deps.db, post.workspaceId, post.id, now))
      jobs.push(pollJob(post.workspaceId, post.id, slot, false));
  }
  return (await insertJobs(deps.db, jobs)).length;
}

async function connectorPost(deps: Deps, workspaceId: string, postId: string) {
  const post = await findPost(deps, workspaceId, postId);
  if (!post || !isConnectorKind(post.kind))
    throw errors.notFound('feed or social listening post', postId);
  return { ...post, kind: post.kind };
}

/** Sums up a post's failing sources (the first in settings order) as its last error, or clears it when all are well. */
async function updatePostHealth(
  deps: Deps,
  workspaceId: string,
  postId: string,
  specs: SourceSpec[],
) {
  const order = (key: string) => specs.findIndex((spec) => spec.key === key);
  const failing = (await repo.listSources(deps.db, workspaceId, postId))
    .filter((s) => s.consecutiveFailures > 0)
    .sort((a, b) => order(a.sourceKey) - order(b.sourceKey));
  const first = failing[0];
  const more = failing.length > 1 ? ` (and ${failing.length - 1} more failing sources)` : '';
  await recordPostHealth(
    deps,
    workspaceId,
    postId,
    first ? `${first.label}: ${first.lastError}${more}` : null,
  );
}

/**
 * Runs one poll job. Idempotent: a source that is no longer due (already polled for this slot)
 * is left alone unless the poll was asked for by hand.
 */
export async function runPoll(
  deps: Deps,
  policy: OutboundPolicy,
  workspaceId: string,
  job: { postId: string; sourceKey: string; force: boolean },
  now = new Date(),
) {
  const post = await findPost(deps, workspaceId, job.postId);
  if (!post || !isConnectorKind(post.kind) || (post.status === 'paused' && !job.force))
    return { skipped: 'post' as const };
  const settings: ConnectorSettings | undefined = connectorSettings(post.kind, post.settings);
  const spec = settings?.specs.find((s) => s.key === job.sourceKey);
  const state = await repo.findSource(deps.db, workspaceId, job.postId, job.sourceKey);
  if (!settings || !spec || !state) return { skipped: 'source' as const };
  if (!job.force && state.nextPollAt > now) return { skipped: 'not-due' as const };

  const intervalMs = settings.pollMinutes * 60_000;
  const outcome = await pollSource(
    deps.db,
    policy,
    { workspaceId, id: post.id, kind: post.kind },
    settings,
    spec,
    state,
  );
  if (outcome.ok) {
    await repo.recordSuccess(deps.db, workspaceId, post.id, spec.key, {
      status: outcome.status,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      cursor: outcome.cursor,
      stored: outcome.stored,
      nextPollAt: new Date(Date.now() + intervalMs),
    });
    if (outcome.stored > 0) await markPostsReceived(deps, workspaceId, [post.id]);
  } else {
    const failures = state.consecutiveFailures + 1;
    await repo.recordFailure(deps.db, workspaceId, post.id, spec.key, {
      status: outcome.status,
      error: outcome.error,
      failures,
      nextPollAt: new Date(Date.now() + backoffMs(intervalMs, failures)),
    });
  }
  await updatePostHealth(deps, workspaceId, post.id, settings.specs);
  return { skipped: false as const, outcome };
}

/** "Poll now": every source of the post is made due and a poll job queued for each. */
export async function pollPostNow(ctx: AppContext, workspaceId: string, postId: string) {
  const post = await connectorPost(ctx, workspaceId, postId);
  if (!(await syncedSettings(ctx, workspaceId, post)))
    throw errors.invalid('This listening post’s settings are not valid; edit them first.');
  const slots = await repo.makeSourcesDue(ctx.db, workspaceId, postId, new Date());
  const ids = await ctx.jobs.enqueueMany(
    slots.map((slot) => pollJob(workspaceId, postId, slot, true)),
  );
  return { queued: ids.length };
}

/** Each source of a post with its polling state (validators, failures, next poll, last error), in settings order. */
export async function listPostSources(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  postId: string,
) {
  const post = await connectorPost(ctx, workspaceId, postId);
  const specs = (await syncedSettings(ctx, workspaceId, post))?.specs ?? [];
  const states = await repo.listSources(ctx.db, workspaceId, postId);
  const order = (key: string) => specs.findIndex((spec) => spec.key === key);
  return states
    .sort((a, b) => order(a.sourceKey) - order(b.sourceKey))
    .map(({ cursor: _cursor, ...state }) => {
      const spec = specs[order(state.sourceKey)];
      return { ...state, url: spec?.type === 'feed' ? spec.url : null };
    });
}

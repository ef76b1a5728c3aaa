import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import type {
  ListeningPostInput,
  ListeningPostPatch,
  TouchpointInput,
  TouchpointPatch,
} from './listening-posts.schemas.ts';
import * as repo from './listening-posts.repository.ts';
import { staffTeamExists } from '../staff-directory/staff-directory.service.ts';
import { forgetPublicSurveys } from '../surveys/public-survey-cache.ts';
import { parsePostSettings, settingsOf } from './post-settings.ts';

const SPARKLINE_DAYS = 30;

/** Records that items just arrived through these posts ("last received" in the dashboard). */
export function markPostsReceived(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  postIds: string[],
) {
  return repo.touchPosts(ctx.db, workspaceId, postIds);
}

/**
 * A polling channel reports how its last run went: an error sets status `error` and the message
 * shown in the dashboard; success clears them. A paused post stays paused.
 */
export function recordPostHealth(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  postId: string,
  error: string | null,
) {
  return repo.setPostHealth(ctx.db, workspaceId, postId, error?.slice(0, 2000) ?? null);
}

/** Keeps a channel's secret (an IMAP password...) in the post's config, beside its settings; never returned. */
export async function mergeSecretConfig(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  postId: string,
  secrets: Record<string, string | null>,
) {
  if (!(await repo.mergePostConfig(ctx.db, workspaceId, postId, secrets)))
    throw errors.notFound('listening post', postId);
}

/** The workspace of a post, for operator tools (the CLI) that are given only a post id. */
export function workspaceOfPost(ctx: AppContext, postId: string) {
  return repo.workspaceOfPost(ctx.db, postId);
}

/** A post with its whole config (secrets included) and its validated settings, for channel modules. */
export async function findPost(ctx: Pick<AppContext, 'db'>, workspaceId: string, postId: string) {
  const post = await repo.findPostWithConfig(ctx.db, workspaceId, postId);
  return post && { ...post, settings: settingsOf(post.config) };
}

/**
 * A new secret for signed deliveries to this post (call transcripts); shown once, here. Stored as
 * is, because verifying an HMAC needs the secret itself.
 */
export async function rotateSigningSecret(ctx: AppContext, workspaceId: string, postId: string) {
  const signingSecret = randomBytes(32).toString('base64url');
  if (!(await repo.mergePostConfig(ctx.db, workspaceId, postId, { signingSecret })))
    throw errors.notFound('listening post', postId);
  return { signingSecret };
}

export function listTouchpoints(ctx: AppContext, workspaceId: string) {
  return repo.listTouchpoints(ctx.db, workspaceId);
}

/** A touchpoint's team must be one of the workspace's staff teams. */
async function requireTeam(
  ctx: AppContext,
  workspaceId: string,
  teamId: string | null | undefined,
) {
  if (teamId && !(await staffTeamExists(ctx.db, workspaceId, teamId)))
    throw errors.invalid('No such staff team in this workspace.', [
      { path: 'body.teamId', message: 'is not a team of this workspace' },
    ]);
}

export async function createTouchpoint(
  ctx: AppContext,
  workspaceId: string,
  input: TouchpointInput,
) {
  await requireTeam(ctx, workspaceId, input.teamId);
  return repo.insertTouchpoint(ctx.db, {
    workspaceId,
    name: input.name,
    description: input.description ?? '',
    teamId: input.teamId ?? null,
  });
}

export async function updateTouchpoint(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: TouchpointPatch,
) {
  await requireTeam(ctx, workspaceId, patch.teamId);
  const row = await repo.updateTouchpoint(ctx.db, workspaceId, id, patch);
  if (!row) throw errors.notFound('touchpoint', id);
  return row;
}

async function requireTouchpoint(
  ctx: AppContext,
  workspaceId: string,
  touchpointId: string | null | undefined,
) {
  if (!touchpointId) return;
  if (!(await repo.touchpointExists(ctx.db, workspaceId, touchpointId)))
    throw errors.invalid('No such touchpoint in this workspace.', [
      { path: 'body.touchpointId', message: 'does not exist' },
    ]);
}

/** Posts with a 30-day daily volume, for the journey view and its sparklines. */
export async function listPosts(ctx: AppContext, workspaceId: string) {
  const [posts, volume] = await Promise.all([
    repo.listPosts(ctx.db, workspaceId),
    repo.dailyVolume(ctx.db, workspaceId, SPARKLINE_DAYS),
  ]);
  const byPost = new Map<string, Array<{ day: string; count: number }>>();
  for (const { postId, day, count } of volume)
    byPost.set(postId, [...(byPost.get(postId) ?? []), { day, count }]);
  return posts.map((post) => ({ ...post, volume: byPost.get(post.id) ?? [] }));
}

export async function createPost(ctx: AppContext, workspaceId: string, input: ListeningPostInput) {
  await requireTouchpoint(ctx, workspaceId, input.touchpointId);
  const settings = parsePostSettings(input.kind, input.settings);
  const post = await repo.insertPost(ctx.db, {
    workspaceId,
    kind: input.kind,
    name: input.name,
    touchpointId: input.touchpointId ?? null,
    config: { settings },
  });
  return { ...post, volume: [] };
}

export async function updatePost(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: ListeningPostPatch,
) {
  await requireTouchpoint(ctx, workspaceId, patch.touchpointId);
  let settings: Record<string, unknown> | undefined;
  if (patch.settings !== undefined) {
    const existing = await repo.findPostWithConfig(ctx.db, workspaceId, id);
    if (!existing) throw errors.notFound('listening post', id);
    settings = parsePostSettings(existing.kind, patch.settings);
  }
  const post = await repo.updatePost(ctx.db, workspaceId, id, { ...patch, settings });
  if (!post) throw errors.notFound('listening post', id);
  forgetPublicSurveys(); // a paused post closes its survey
  const volume = await repo.dailyVolume(ctx.db, workspaceId, SPARKLINE_DAYS, id);
  return { ...post, volume: volume.map(({ day, count }) => ({ day, count })) };
}

/** Active (not paused) posts of these kinds in every workspace, for channel schedulers (connectors). */
export function listActivePostsOfKinds(ctx: Pick<AppContext, 'db'>, kinds: string[]) {
  return repo.listActivePostsOfKinds(ctx.db, kinds);
}

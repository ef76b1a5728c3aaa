import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import {
  findPost,
  markPostsReceived,
  workspaceOfPost,
} from '../listening-posts/listening-posts.service.ts';
import { widgetDedupKey } from './normalise-widget.ts';
import type { WidgetResponse } from './widget.schemas.ts';
import { SCALES, widgetSettingsSchema, type WidgetSettings } from './widget.settings.ts';
import { userAgentFamily } from './user-agent.ts';

export interface WidgetPost {
  workspaceId: string;
  id: string;
  status: string;
  settings: WidgetSettings;
}

/**
 * A widget post, found by its id alone: the id in the embed snippet is the widget's public
 * address, and only `widget` posts answer to it.
 */
export async function findWidgetPost(ctx: AppContext, postId: string): Promise<WidgetPost> {
  const workspaceId = await workspaceOfPost(ctx, postId);
  const post = workspaceId ? await findPost(ctx, workspaceId, postId) : undefined;
  if (!workspaceId || !post || post.kind !== 'widget') throw errors.notFound('widget', postId);
  // Settings were validated when saved; parsing again fills defaults added since.
  const parsed = widgetSettingsSchema.safeParse(post.settings);
  const settings = parsed.success ? parsed.data : widgetSettingsSchema.parse({});
  return { workspaceId, id: post.id, status: post.status, settings };
}

/** Whether a page from `origin` may use the widget; requests with no Origin are not from a browser page. */
export function originAllowed(post: WidgetPost, origin: string | undefined): boolean {
  const allowed = post.settings.allowedOrigins;
  return !origin || allowed.length === 0 || allowed.includes(origin.toLowerCase());
}

function requireActive(post: WidgetPost): void {
  if (post.status === 'paused')
    throw errors.conflict('This widget is paused; it takes no responses until it is resumed.');
}

/** What the widget needs to render, and nothing else (no name, no allowed origins). */
export function widgetConfig(post: WidgetPost) {
  requireActive(post);
  const { question, defaultLanguage, followUp, thankYou, colors, position } = post.settings;
  return { question, defaultLanguage, followUp, thankYou, colors, position };
}

function checkAnswer(post: WidgetPost, body: WidgetResponse): void {
  const type = post.settings.question.type;
  const text = body.text?.trim() ?? '';
  const problem = (path: string, message: string) =>
    errors.invalid('This response does not fit the widget’s question.', [{ path, message }]);
  if (type === 'text') {
    if (body.step === 'followup') throw problem('body.step', 'a text question has no follow-up');
    if (!text) throw problem('body.text', 'the answer is required');
    if (body.score !== undefined && body.score !== null)
      throw problem('body.score', 'a text question takes no score');
    return;
  }
  const { min, max } = SCALES[type];
  if (body.score === undefined || body.score === null)
    throw problem('body.score', `give a ${type} score from ${min} to ${max}`);
  if (body.score < min || body.score > max)
    throw problem('body.score', `a ${type} score is from ${min} to ${max}`);
  if (body.step === 'followup' && !text) throw problem('body.text', 'the follow-up text is empty');
}

/** The question as the visitor saw it (its language, else the default one). */
function askedText(settings: WidgetSettings, language: string | undefined): string {
  const texts = settings.question.text;
  const tag = language?.toLowerCase();
  const primary = tag?.split('-')[0];
  return (
    (tag && texts[tag]) || (primary && texts[primary]) || texts[settings.defaultLanguage] || ''
  );
}

export interface WidgetDelivery {
  body: WidgetResponse;
  origin: string | undefined;
  userAgent: string | undefined;
}

/**
 * One step of a visitor's response, stored raw first (a resent step adds nothing) and normalised
 * in the background. Next to the body, the raw item keeps what the server saw: the page's origin,
 * the browser family (never the full User-Agent) and the question as asked at that moment.
 */
export async function receiveWidgetResponse(
  ctx: AppContext,
  post: WidgetPost,
  delivery: WidgetDelivery,
) {
  requireActive(post);
  checkAnswer(post, delivery.body);
  const payload = {
    body: delivery.body,
    asked: {
      type: post.settings.question.type,
      text: askedText(post.settings, delivery.body.language),
    },
    origin: delivery.origin ?? null,
    client: userAgentFamily(delivery.userAgent),
  };
  const stored = await receiveRawItems(ctx.db, post.workspaceId, 'widget', [
    {
      dedupKey: widgetDedupKey(post.id, delivery.body.responseId, delivery.body.step),
      payload,
      postId: post.id,
    },
  ]);
  if (stored.length > 0) ctx.jobs.notify();
  await markPostsReceived(ctx, post.workspaceId, [post.id]);
  return { accepted: stored.length, duplicate: stored.length === 0 };
}

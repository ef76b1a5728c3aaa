import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './themes.schemas.ts';
import * as themes from './themes.service.ts';

const tags = ['themes'];
const base = '/workspaces/:workspaceId/themes';

/** Viewers read themes; agents correct an item's themes; admins reshape themes. */
export function themesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Themes with volume, negative share, sentiment and NPS (with n) over a window',
        params: workspaceParams,
        querystring: schemas.listQuery,
        response: { 200: schemas.themeListSchema, ...errorReplies },
      },
    },
    async (request) => themes.listThemes(ctx, requireWorkspace(request).workspaceId, request.query),
  );

  api.post(
    base,
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Name a theme by hand (pinned; e.g. a root cause clustering has not found yet)',
        params: workspaceParams,
        body: schemas.createBody,
        response: { 201: schemas.themeSchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await themes.createTheme(ctx, requireWorkspace(request).workspaceId, request.body)),
  );

  api.get(
    `${base}/:themeId`,
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'One theme: series, touchpoints, accounts and example quotes',
        params: schemas.themeParams,
        querystring: schemas.detailQuery,
        response: { 200: schemas.themeDetailSchema, ...errorReplies },
      },
    },
    async (request) =>
      themes.getThemeDetail(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.themeId,
        request.query,
      ),
  );

  api.patch(
    `${base}/:themeId`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename a theme (kept across re-clustering) or pin/unpin it',
        params: schemas.themeParams,
        body: schemas.patchBody,
        response: { 200: schemas.themeSchema, ...errorReplies },
      },
    },
    async (request) =>
      themes.updateTheme(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.themeId,
        request.body,
      ),
  );

  api.post(
    `${base}/:themeId/merge`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Merge this theme into another; it stays merged after re-clustering',
        params: schemas.themeParams,
        body: schemas.mergeBody,
        response: { 200: schemas.themeSchema, ...errorReplies },
      },
    },
    async (request) =>
      themes.mergeTheme(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.themeId,
        request.body.intoThemeId,
      ),
  );

  api.post(
    `${base}/:themeId/split`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Move phrases (and the items they define) to a new theme',
        params: schemas.themeParams,
        body: schemas.splitBody,
        response: { 201: schemas.themeSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const created = await themes.splitTheme(
        ctx,
        workspaceId,
        request.params.themeId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  api.post(
    `${base}/recluster`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Re-cluster the workspace’s themes now (in the background)',
        params: workspaceParams,
        response: { 202: schemas.reclusterReply, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await themes.requestRecluster(ctx, requireWorkspace(request).workspaceId)),
  );

  api.get(
    '/workspaces/:workspaceId/feedback/:feedbackId/themes',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The themes of one feedback item',
        params: schemas.feedbackThemeParams,
        response: { 200: schemas.feedbackThemesSchema, ...errorReplies },
      },
    },
    async (request) =>
      themes.feedbackThemes(ctx, requireWorkspace(request).workspaceId, request.params.feedbackId),
  );

  api.put(
    '/workspaces/:workspaceId/feedback/:feedbackId/themes',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Set or clear an item’s themes by hand (recorded as a correction)',
        params: schemas.feedbackThemeParams,
        body: schemas.setThemesBody,
        response: { 200: schemas.feedbackThemesSchema, ...errorReplies },
      },
    },
    async (request) =>
      themes.setFeedbackThemes(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.feedbackId,
        request.body.themeIds,
        request.principal?.userId ?? null,
      ),
  );
}

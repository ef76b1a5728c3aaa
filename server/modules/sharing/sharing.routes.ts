import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies } from '../../http/schemas.ts';
import * as schemas from './sharing.schemas.ts';
import * as service from './sharing.service.ts';

const tags = ['sharing'];

/** Agents share a case or a theme with a team by e-mail, Slack or a signed webhook. */
export function sharingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/workspaces/:workspaceId/cases/:caseId/share',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary:
          'Share a case with a team: the customer’s words and a link; recorded on the timeline',
        params: schemas.caseParams,
        body: schemas.shareBody,
        response: { 200: schemas.shareResultSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.shareCase(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.caseId,
        request.body,
        { userId: request.principal?.userId ?? null },
        new Date(),
      ),
  );

  api.post(
    '/workspaces/:workspaceId/themes/:themeId/share',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Share a theme with a team: its volume, recent quotes and a link',
        params: schemas.themeParams,
        body: schemas.shareBody,
        response: { 200: schemas.shareResultSchema, ...errorReplies },
      },
    },
    async (request) =>
      service.shareTheme(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.themeId,
        request.body,
        { userId: request.principal?.userId ?? null },
        new Date(),
      ),
  );
}

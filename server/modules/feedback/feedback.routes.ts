import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './feedback.schemas.ts';
import * as feedback from './feedback.service.ts';

const tags = ['feedback'];

export function feedbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/overview',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Counts, NPS by month with confidence intervals, channels and job health',
        params: workspaceParams,
        response: { 200: schemas.overviewSchema, ...errorReplies },
      },
    },
    async (request) => feedback.getOverview(ctx, requireWorkspace(request).workspaceId),
  );

  api.get(
    '/workspaces/:workspaceId/feedback',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Feedback, newest first, a page at a time',
        params: workspaceParams,
        querystring: schemas.feedbackQuery,
        response: { 200: schemas.feedbackPageSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return feedback.listFeedbackPage(ctx, workspaceId, role, request.query);
    },
  );

  api.get(
    '/workspaces/:workspaceId/feedback/:feedbackId',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'One feedback item with its analysis',
        params: z.strictObject({ workspaceId: z.uuid(), feedbackId: z.uuid() }),
        response: { 200: schemas.feedbackItemSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return feedback.getFeedbackItem(ctx, workspaceId, role, request.params.feedbackId);
    },
  );
}

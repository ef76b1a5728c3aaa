import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { streamWriter } from '../export/line-stream.ts';
import { correctSentiment, exportSentimentCorrections } from './corrections.service.ts';
import * as schemas from './feedback-analysis.schemas.ts';
import * as analysis from './feedback-analysis.service.ts';
import * as reanalysis from './reanalysis.service.ts';

const tags = ['analysis'];

export function feedbackAnalysisRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/workspaces/:workspaceId/feedback/:feedbackId/sentiment',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Correct the sentiment label of an item (kept across re-analysis)',
        params: schemas.feedbackParams,
        body: schemas.sentimentCorrectionBody,
        response: { 200: schemas.analysisViewSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return correctSentiment(
        ctx,
        workspaceId,
        request.params.feedbackId,
        request.body.label,
        actorOf(request),
        role,
      );
    },
  );

  api.get(
    '/workspaces/:workspaceId/analysis/corrections',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Sentiment corrections as evaluation lines (JSON lines, for bench/sentiment --corrections)',
        params: workspaceParams,
        response: {
          200: z
            .unknown()
            .describe('{"id","text","label","source":"correction","split":"test"} per line'),
          ...errorReplies,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const stream = new PassThrough();
      exportSentimentCorrections(ctx, workspaceId, streamWriter(stream)).then(
        () => stream.end(),
        (error: unknown) =>
          stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sentiment-corrections.jsonl"')
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  api.get(
    '/workspaces/:workspaceId/analysis/settings',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Analysis settings',
        params: workspaceParams,
        response: { 200: schemas.analysisSettingsSchema, ...errorReplies },
      },
    },
    async (request) => analysis.getAnalysisSettings(ctx, requireWorkspace(request).workspaceId),
  );

  api.patch(
    '/workspaces/:workspaceId/analysis/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Turn personal-data redaction for viewers and integrations on or off',
        params: workspaceParams,
        body: schemas.analysisSettingsBody,
        response: { 200: schemas.analysisSettingsSchema, ...errorReplies },
      },
    },
    async (request) =>
      analysis.updateAnalysisSettings(
        ctx,
        requireWorkspace(request).workspaceId,
        request.body,
        actorOf(request),
      ),
  );

  api.post(
    '/workspaces/:workspaceId/analysis/runs',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Re-analyse the workspace (all items, or those analysed by older analysers)',
        description: 'One run at a time: asking while one runs returns that run.',
        params: workspaceParams,
        body: schemas.startRunBody,
        response: { 202: schemas.runSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { run } = await reanalysis.startReanalysis(
        ctx,
        requireWorkspace(request).workspaceId,
        request.body.scope,
        actorOf(request),
      );
      return reply.status(202).send(run);
    },
  );

  api.get(
    '/workspaces/:workspaceId/analysis/runs',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Re-analysis runs, newest first, with progress',
        params: workspaceParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(schemas.runSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await reanalysis.listRuns(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query.limit,
      ),
    }),
  );

  api.get(
    '/workspaces/:workspaceId/analysis/runs/:runId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'One re-analysis run and its progress',
        params: schemas.runParams,
        response: { 200: schemas.runSchema, ...errorReplies },
      },
    },
    async (request) =>
      reanalysis.getRun(ctx, requireWorkspace(request).workspaceId, request.params.runId),
  );

  api.get(
    '/workspaces/:workspaceId/duplicates',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Near-duplicate feedback: one complaint from many people, or one person again',
        params: workspaceParams,
        querystring: schemas.duplicatesQuery,
        response: {
          200: z.object({ items: z.array(schemas.duplicateGroupSchema) }),
          ...errorReplies,
        },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return { items: await analysis.duplicateGroups(ctx, workspaceId, role, request.query) };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { JOB_STATES } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import { listJobs, retryJob } from './jobs.service.ts';

const tags = ['jobs'];
const jobSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    state: z.enum(JOB_STATES),
    attempts: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    runAt: z.date(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'Job' });
const countsSchema = z.object({
  queued: z.number(),
  running: z.number(),
  done: z.number(),
  dead: z.number(),
});

export function jobsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/jobs',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Background jobs of the workspace; state=dead lists the dead-letter queue',
        params: workspaceParams,
        querystring: z.strictObject({
          state: z.enum(JOB_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(jobSchema), counts: countsSchema }),
          ...errorReplies,
        },
      },
    },
    async (request) =>
      listJobs(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query.state,
        request.query.limit,
      ),
  );

  api.post(
    '/workspaces/:workspaceId/jobs/:jobId/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Retry a dead-lettered job',
        params: z.strictObject({
          workspaceId: z.uuid(),
          jobId: z.coerce
            .number()
            .int()
            .min(1)
            .max(2 ** 53),
        }),
        response: { 200: jobSchema, ...errorReplies },
      },
    },
    async (request) =>
      retryJob(ctx, requireWorkspace(request).workspaceId, request.params.jobId, actorOf(request)),
  );
}

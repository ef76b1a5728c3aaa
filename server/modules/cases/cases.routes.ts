import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as closing from './closing.service.ts';
import { addComment } from './comments.service.ts';
import * as schemas from './cases.schemas.ts';
import * as service from './cases.service.ts';

const tags = ['cases'];
const detail = { 200: schemas.caseDetailSchema, ...errorReplies };
const userOf = (request: FastifyRequest) => request.principal?.userId ?? null;

type CaseChange<B extends z.ZodType> = (
  ctx: AppContext,
  workspaceId: string,
  caseId: string,
  body: z.infer<B>,
  actorId: string | null,
  now: Date,
) => Promise<unknown>;

export function casesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces/:workspaceId/cases',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Cases, filtered; `queue=mine` puts your open cases first, overdue first',
        params: workspaceParams,
        querystring: schemas.casesQuery,
        response: { 200: schemas.casesPage, ...errorReplies },
      },
    },
    async (request) =>
      service.listCases(
        ctx,
        requireWorkspace(request).workspaceId,
        request.query,
        userOf(request),
        new Date(),
      ),
  );

  api.post(
    '/workspaces/:workspaceId/cases',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: "Open a case from feedback items; joins the customer's open case if there is one",
        params: workspaceParams,
        body: schemas.openCaseInput,
        response: { 200: schemas.caseDetailSchema, 201: schemas.caseDetailSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const now = new Date();
      const opened = await service.openCase(ctx, workspaceId, request.body, userOf(request), now);
      const body = await service.getCase(ctx, workspaceId, opened.caseId, now);
      return reply.status(opened.created ? 201 : 200).send(body);
    },
  );

  api.get(
    '/workspaces/:workspaceId/cases/:caseId',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: "A case: the customer's words, who they are, their history, timeline and actions",
        params: schemas.caseIdParams,
        response: detail,
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return service.getCase(ctx, workspaceId, request.params.caseId, new Date(), role);
    },
  );

  /** A POST on one case that changes it and answers with the case as it is now. */
  function change<B extends z.ZodType>(path: string, summary: string, body: B, run: CaseChange<B>) {
    api.post(
      `/workspaces/:workspaceId/cases/:caseId/${path}`,
      {
        config: { access: 'agent' },
        schema: { tags, summary, params: schemas.caseIdParams, body, response: detail },
      },
      async (request) => {
        const { workspaceId } = requireWorkspace(request);
        const now = new Date();
        const { caseId } = request.params;
        await run(ctx, workspaceId, caseId, request.body as z.infer<B>, userOf(request), now);
        return service.getCase(ctx, workspaceId, caseId, now);
      },
    );
  }

  change(
    'assign',
    'Give the case an owner (a member) and a team',
    schemas.assignInput,
    (c, w, id, b, a) => service.assignCase(c, w, id, b, a),
  );
  change(
    'engage',
    'Engage: record what was learned and who initiated the feedback',
    schemas.engageInput,
    (c, w, id, b, a) => service.recordEngagement(c, w, id, b, a),
  );
  change(
    'stage',
    'Move to the next stage or back one; `from` guards against a concurrent move (409)',
    schemas.stageInput,
    service.moveCaseStage,
  );
  change(
    'close',
    'Close with an outcome, the root cause (a theme) and the action taken',
    schemas.closeInput,
    closing.closeCase,
  );
  change('reopen', 'Reopen a closed case into Engage', schemas.reopenInput, (c, w, id, b, a, now) =>
    closing.reopenCase(c, w, id, b.reason, a, now),
  );
  change(
    'comments',
    'An internal comment; @name or @email notifies colleagues by email',
    schemas.commentInput,
    (c, w, id, b, a) => addComment(c, w, id, b, a),
  );
}

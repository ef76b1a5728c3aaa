import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import * as invitations from './invitations.service.ts';
import {
  eventInput,
  invitationsInput,
  surveyInput,
  surveyInvitationSchema,
  surveyParams,
  surveyPatch,
  surveySchema,
} from './surveys.schemas.ts';
import * as surveys from './surveys.service.ts';

const tags = ['surveys'];

/** Staff routes: surveys (admins write, viewers read), invitations, and the events API. */
export function surveysRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const workspaceOf = (request: Parameters<typeof requireWorkspace>[0]) =>
    requireWorkspace(request).workspaceId;

  api.get(
    '/workspaces/:workspaceId/surveys',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Surveys with their public link and response counts',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(surveySchema) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await surveys.listSurveys(ctx, workspaceOf(request)) }),
  );

  api.post(
    '/workspaces/:workspaceId/surveys',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a survey (and its listening post of kind survey)',
        description:
          'Questions of types nps, csat, ces, rating, text, single, multiple and consent; skip rules; texts in every language listed. See docs/surveys.md.',
        params: workspaceParams,
        body: surveyInput,
        response: { 201: surveySchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await surveys.createSurvey(ctx, workspaceOf(request), request.body)),
  );

  api.get(
    '/workspaces/:workspaceId/surveys/:surveyId',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'One survey',
        params: surveyParams,
        response: { 200: surveySchema, ...errorReplies },
      },
    },
    async (request) => surveys.getSurvey(ctx, workspaceOf(request), request.params.surveyId),
  );

  api.patch(
    '/workspaces/:workspaceId/surveys/:surveyId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a survey; status paused closes its pages',
        params: surveyParams,
        body: surveyPatch,
        response: { 200: surveySchema, ...errorReplies },
      },
    },
    async (request) =>
      surveys.updateSurvey(ctx, workspaceOf(request), request.params.surveyId, request.body),
  );

  api.get(
    '/workspaces/:workspaceId/surveys/:surveyId/invitations',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The latest 500 invitations of a survey, with whether they answered',
        params: surveyParams,
        response: { 200: z.object({ items: z.array(surveyInvitationSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await invitations.listInvitations(ctx, workspaceOf(request), request.params.surveyId),
    }),
  );

  api.post(
    '/workspaces/:workspaceId/surveys/:surveyId/invitations',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Invite contacts by email now (up to 1,000)',
        description:
          'Each gets an email in the outbox; with SMTP_URL set it is sent, otherwise it stays local.',
        params: surveyParams,
        body: invitationsInput,
        response: { 201: z.object({ items: z.array(surveyInvitationSchema) }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const source = request.principal?.apiKey ? 'api' : 'manual';
      const items = await invitations.inviteContacts(
        ctx,
        workspaceOf(request),
        request.params.surveyId,
        request.body.contacts,
        source,
      );
      return reply.status(201).send({ items });
    },
  );

  api.post(
    '/events',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Report an event (e.g. ticket.solved); surveys triggered by it invite its contact',
        description:
          'Send with an API key. Each active survey with a trigger for this event type invites the contact after the trigger’s delay, counted from occurredAt. Send `id` so a retried event invites once.',
        body: eventInput,
        response: {
          202: z.object({
            matchedSurveys: z.number(),
            invitations: z.array(
              z.object({ id: z.uuid(), surveyId: z.uuid(), sendAt: z.string() }),
            ),
          }),
          ...errorReplies,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await invitations.receiveEvent(ctx, workspaceOf(request), request.body)),
  );
}

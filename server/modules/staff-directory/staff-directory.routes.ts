import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as schemas from './staff-directory.schemas.ts';
import * as directory from './staff-directory.service.ts';

const tags = ['staff directory'];
const read = { access: 'viewer' as const };
const edit = { access: 'admin' as const };

/** Teams, people and tracked entities: everyone reads, admins edit. */
export function staffDirectoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const list = <T extends z.ZodType>(item: T) => ({
    200: z.object({ items: z.array(item) }),
    ...errorReplies,
  });

  api.get(
    '/workspaces/:workspaceId/staff-teams',
    {
      config: read,
      schema: {
        tags,
        summary: 'Staff teams',
        params: workspaceParams,
        response: list(schemas.teamSchema),
      },
    },
    async (request) => ({
      items: await directory.listTeams(ctx, requireWorkspace(request).workspaceId),
    }),
  );
  api.post(
    '/workspaces/:workspaceId/staff-teams',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a team',
        params: workspaceParams,
        body: schemas.createTeamBody,
        response: { 201: schemas.teamSchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.createTeam(
            ctx,
            requireWorkspace(request).workspaceId,
            request.body,
            actorOf(request),
          ),
        ),
  );
  api.patch(
    '/workspaces/:workspaceId/staff-teams/:teamId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a team',
        params: schemas.teamParams,
        body: schemas.updateTeamBody,
        response: { 200: schemas.teamSchema, ...errorReplies },
      },
    },
    async (request) =>
      directory.updateTeam(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.teamId,
        request.body,
        actorOf(request),
      ),
  );
  api.delete(
    '/workspaces/:workspaceId/staff-teams/:teamId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove a team (its people stay)',
        params: schemas.teamParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await directory.deleteTeam(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.teamId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/workspaces/:workspaceId/staff-people',
    {
      config: read,
      schema: {
        tags,
        summary: 'Staff people',
        params: workspaceParams,
        response: list(schemas.personSchema),
      },
    },
    async (request) => ({
      items: await directory.listPeople(ctx, requireWorkspace(request).workspaceId),
    }),
  );
  api.post(
    '/workspaces/:workspaceId/staff-people',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a person (name, nicknames, team, email, optional user)',
        params: workspaceParams,
        body: schemas.createPersonBody,
        response: { 201: schemas.personSchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.createPerson(
            ctx,
            requireWorkspace(request).workspaceId,
            request.body,
            actorOf(request),
          ),
        ),
  );
  api.patch(
    '/workspaces/:workspaceId/staff-people/:personId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a person',
        params: schemas.personParams,
        body: schemas.updatePersonBody,
        response: { 200: schemas.personSchema, ...errorReplies },
      },
    },
    async (request) =>
      directory.updatePerson(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.personId,
        request.body,
        actorOf(request),
      ),
  );
  api.delete(
    '/workspaces/:workspaceId/staff-people/:personId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove a person',
        params: schemas.personParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await directory.deletePerson(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.personId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/workspaces/:workspaceId/tracked-entities',
    {
      config: read,
      schema: {
        tags,
        summary: 'Brand, products, features and competitors',
        params: workspaceParams,
        response: list(schemas.entitySchema),
      },
    },
    async (request) => ({
      items: await directory.listEntities(ctx, requireWorkspace(request).workspaceId),
    }),
  );
  api.post(
    '/workspaces/:workspaceId/tracked-entities',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Track a brand, product, feature or competitor',
        params: workspaceParams,
        body: schemas.createEntityBody,
        response: { 201: schemas.entitySchema, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.createEntity(
            ctx,
            requireWorkspace(request).workspaceId,
            request.body,
            actorOf(request),
          ),
        ),
  );
  api.patch(
    '/workspaces/:workspaceId/tracked-entities/:entityId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a tracked entity',
        params: schemas.entityParams,
        body: schemas.updateEntityBody,
        response: { 200: schemas.entitySchema, ...errorReplies },
      },
    },
    async (request) =>
      directory.updateEntity(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.entityId,
        request.body,
        actorOf(request),
      ),
  );
  api.delete(
    '/workspaces/:workspaceId/tracked-entities/:entityId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Stop tracking an entity',
        params: schemas.entityParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await directory.deleteEntity(
        ctx,
        requireWorkspace(request).workspaceId,
        request.params.entityId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );
}

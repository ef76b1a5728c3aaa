import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUserId, requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as members from './members.service.ts';
import * as schemas from './workspaces.schemas.ts';
import * as workspaces from './workspaces.service.ts';

const tags = ['workspaces'];

export function workspacesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Workspaces I belong to',
        response: {
          200: z.object({ items: z.array(schemas.workspaceSummarySchema) }),
          ...errorReplies,
        },
      },
    },
    async (request) => ({ items: await workspaces.listWorkspacesOf(ctx, requireUserId(request)) }),
  );

  api.post(
    '/workspaces',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a workspace; I become its owner',
        body: schemas.createWorkspaceBody,
        response: { 201: schemas.workspaceSummarySchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = { ...actorOf(request), userId: requireUserId(request) };
      const workspace = await workspaces.createWorkspace(ctx, request.body.name, actor);
      return reply.status(201).send(workspace);
    },
  );

  api.get(
    '/workspaces/:workspaceId',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'One workspace',
        params: workspaceParams,
        response: { 200: schemas.workspaceSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return { ...(await workspaces.getWorkspace(ctx, workspaceId)), role };
    },
  );

  api.patch(
    '/workspaces/:workspaceId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename or change time zone',
        params: workspaceParams,
        body: schemas.updateWorkspaceBody,
        response: { 200: schemas.workspaceSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      const updated = await workspaces.updateWorkspaceSettings(
        ctx,
        workspaceId,
        request.body,
        actorOf(request),
      );
      return { ...updated, role };
    },
  );

  api.get(
    '/workspaces/:workspaceId/members',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Members and their roles',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(schemas.memberSchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await members.listMembers(ctx, requireWorkspace(request).workspaceId),
    }),
  );

  api.patch(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Change a member's role",
        params: schemas.memberParams,
        body: schemas.changeRoleBody,
        response: { 200: schemas.memberSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId, role } = requireWorkspace(request);
      return members.changeMemberRole(
        ctx,
        workspaceId,
        request.params.userId,
        request.body.role,
        actorOf(request),
        role,
      );
    },
  );

  api.delete(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Remove a member (admins), or leave the workspace (anyone, for themselves)',
        params: schemas.memberParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId, role } = requireWorkspace(request);
      await members.removeMember(ctx, workspaceId, request.params.userId, actorOf(request), role);
      return reply.status(204).send(null);
    },
  );
}

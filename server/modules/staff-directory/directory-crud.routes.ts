import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import type { Actor } from '../audit/audit.service.ts';

const tags = ['staff directory'];
const read = { access: 'viewer' as const };
const edit = { access: 'admin' as const };

/** One kind of directory entry (teams, people, tracked entities): its schemas and service. */
export interface DirectoryCollection<
  Item extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
> {
  /** The path segment, e.g. `staff-teams`. */
  path: string;
  /** The id's name in the path, e.g. `teamId`, as the API documents it. */
  idParam: string;
  item: Item;
  createBody: Create;
  updateBody: Update;
  summaries: { list: string; create: string; update: string; remove: string };
  list(ctx: AppContext, workspaceId: string): Promise<z.infer<Item>[]>;
  create(
    ctx: AppContext,
    workspaceId: string,
    body: z.infer<Create>,
    actor: Actor,
  ): Promise<z.infer<Item>>;
  update(
    ctx: AppContext,
    workspaceId: string,
    id: string,
    body: z.infer<Update>,
    actor: Actor,
  ): Promise<z.infer<Item>>;
  remove(ctx: AppContext, workspaceId: string, id: string, actor: Actor): Promise<void>;
}

/** List, add, change and remove for one directory collection: everyone reads, admins edit. */
export function directoryCrudRoutes<
  Item extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(app: FastifyInstance, ctx: AppContext, collection: DirectoryCollection<Item, Create, Update>) {
  // Plain Fastify typing (no Zod type provider, which cannot follow generic schemas): Fastify
  // still validates with the schemas, and params and bodies are read with the types they guarantee.
  const base = `/workspaces/:workspaceId/${collection.path}`;
  const one = `${base}/:${collection.idParam}`;
  const params = z.strictObject({ workspaceId: z.uuid(), [collection.idParam]: z.uuid() });
  const idOf = (request: { params: unknown }) =>
    (request.params as Record<string, string>)[collection.idParam]!;

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: collection.summaries.list,
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(collection.item) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await collection.list(ctx, requireWorkspace(request).workspaceId),
    }),
  );
  app.post(
    base,
    {
      config: edit,
      schema: {
        tags,
        summary: collection.summaries.create,
        params: workspaceParams,
        body: collection.createBody,
        response: { 201: collection.item, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requireWorkspace(request);
      const body = request.body as z.infer<Create>;
      const created = await collection.create(ctx, workspaceId, body, actorOf(request));
      return reply.status(201).send(created);
    },
  );
  app.patch(
    one,
    {
      config: edit,
      schema: {
        tags,
        summary: collection.summaries.update,
        params,
        body: collection.updateBody,
        response: { 200: collection.item, ...errorReplies },
      },
    },
    async (request) =>
      collection.update(
        ctx,
        requireWorkspace(request).workspaceId,
        idOf(request),
        request.body as z.infer<Update>,
        actorOf(request),
      ),
  );
  app.delete(
    one,
    {
      config: edit,
      schema: {
        tags,
        summary: collection.summaries.remove,
        params,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await collection.remove(
        ctx,
        requireWorkspace(request).workspaceId,
        idOf(request),
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );
}

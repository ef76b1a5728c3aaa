import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ACCOUNT_TIERS, CONTACT_LEVELS } from '../../db/schema/index.ts';
import { requireWorkspace } from '../../http/access.ts';
import { errorReplies, noContent, workspaceParams } from '../../http/schemas.ts';
import * as policies from './policies.service.ts';

const tags = ['consent'];
const HOURS_MAX = 24 * 366;
const policyFields = {
  name: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(10_000),
  /** `{}` is everyone; otherwise every key given must match the contact. */
  segment: z.strictObject({
    accountTier: z.enum(ACCOUNT_TIERS).optional(),
    level: z.enum(CONTACT_LEVELS).optional(),
  }),
  maxMessages: z.number().int().min(1).max(1000),
  windowHours: z.number().int().min(1).max(HOURS_MAX),
  minGapHours: z.number().int().min(0).max(HOURS_MAX),
};
const policyInput = z.strictObject({
  ...policyFields,
  position: policyFields.position.default(0),
  segment: policyFields.segment.default({}),
  minGapHours: policyFields.minGapHours.default(0),
});
const policyPatch = z.strictObject(policyFields).partial();
const policySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number(),
    segment: z.record(z.string(), z.unknown()),
    maxMessages: z.number(),
    windowHours: z.number(),
    minGapHours: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContactLimitPolicy' });
const policyParams = workspaceParams.extend({ policyId: z.uuid() });

const present = (row: policies.Policy) => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
});

/** Contact limits: at most N messages per window and a minimum gap, per segment (admin). */
export function contactLimitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/workspaces/:workspaceId/contact-limit-policies';

  api.get(
    base,
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Contact limit policies, in the order they are matched',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(policySchema) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: (await policies.list(ctx, requireWorkspace(request).workspaceId)).map(present),
    }),
  );

  api.post(
    base,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a contact limit policy',
        params: workspaceParams,
        body: policyInput,
        response: { 201: policySchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const row = await policies.create(ctx, requireWorkspace(request).workspaceId, request.body);
      return reply.status(201).send(present(row));
    },
  );

  api.patch(
    `${base}/:policyId`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a contact limit policy',
        params: policyParams,
        body: policyPatch,
        response: { 200: policySchema, ...errorReplies },
      },
    },
    async (request) => {
      const { workspaceId } = requireWorkspace(request);
      return present(
        await policies.update(ctx, workspaceId, request.params.policyId, request.body),
      );
    },
  );

  api.delete(
    `${base}/:policyId`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a contact limit policy',
        params: policyParams,
        response: { 204: noContent, ...errorReplies },
      },
    },
    async (request, reply) => {
      await policies.remove(ctx, requireWorkspace(request).workspaceId, request.params.policyId);
      return reply.status(204).send(null);
    },
  );
}

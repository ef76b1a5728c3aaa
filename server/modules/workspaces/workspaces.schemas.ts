import { z } from 'zod';
import { nameSchema, roleSchema } from '../../http/schemas.ts';

export const workspaceSummarySchema = z
  .object({ id: z.uuid(), name: z.string(), role: roleSchema, timezone: z.string() })
  .meta({ id: 'WorkspaceSummary' });

export const workspaceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timezone: z.string(),
    createdAt: z.date(),
    role: roleSchema,
  })
  .meta({ id: 'Workspace' });

export const createWorkspaceBody = z.strictObject({ name: nameSchema });

export const updateWorkspaceBody = z
  .strictObject({ name: nameSchema.optional(), timezone: z.string().min(1).max(64).optional() })
  .refine(
    (body) => body.name !== undefined || body.timezone !== undefined,
    'give name or timezone',
  );

export const memberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    createdAt: z.date(),
  })
  .meta({ id: 'Member' });

export const memberParams = z.strictObject({ workspaceId: z.uuid(), userId: z.uuid() });
export const changeRoleBody = z.strictObject({ role: roleSchema });

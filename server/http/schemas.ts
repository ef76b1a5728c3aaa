import { z } from 'zod';
import { ROLES } from '../db/schema/index.ts';

/** Schemas shared by many routes. Request bodies are strict: unknown fields are an error. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });

export const roleSchema = z.enum(ROLES);
export const uuidSchema = z.uuid();
export const workspaceParams = z.strictObject({ workspaceId: z.uuid() });
export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim());
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200);
export const nameSchema = z.string().trim().min(1).max(120);

/** The error replies every route may give, so they appear in the OpenAPI document. */
export const errorReplies = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
  429: errorBodySchema,
} as const;

export const noContent = z.null().describe('No content');

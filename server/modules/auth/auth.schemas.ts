import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema, roleSchema } from '../../http/schemas.ts';

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
    apiKey: z
      .object({ id: z.uuid(), name: z.string(), role: roleSchema, workspaceId: z.uuid() })
      .nullable(),
    workspaces: z.array(
      z.object({ id: z.uuid(), name: z.string(), role: roleSchema, timezone: z.string() }),
    ),
    csrfToken: z
      .string()
      .nullable()
      .describe('Send as X-CSRF-Token on cookie-authenticated writes'),
  })
  .meta({ id: 'Me' });

export const signInBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const setupBody = z.strictObject({
  token: z.string().min(10).max(200),
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: nameSchema,
  demo: z.boolean().default(true),
});

export const setPasswordBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});

export const tokenParams = z.strictObject({ token: z.string().min(10).max(200) });

export const tokenInfoSchema = z.object({
  purpose: z.enum(['setup', 'set_password']),
  email: z.string().nullable(),
});

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

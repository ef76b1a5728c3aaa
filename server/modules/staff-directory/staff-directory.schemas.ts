import { z } from 'zod';
import { ENTITY_KINDS } from '../../db/schema/index.ts';
import { nameSchema } from '../../http/schemas.ts';
import { businessHoursSchema, holidaysSchema } from '../cases/business-time.ts';

/** Other names people use ("Sam" for Samantha, "the app" for the product): at most 20 of 60 chars. */
const aliasesSchema = z.array(z.string().trim().min(1).max(60)).max(20);
const emailOrNull = z.email().max(254).nullable();

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    aliases: z.array(z.string()),
    leadEmail: z.string().nullable(),
    leadUserId: z.uuid().nullable().describe('overdue cases escalate to this user'),
    businessHours: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('{ timezone, days }; null: the workspace zone, Mon–Fri 09:00–17:00'),
    holidays: z.array(z.string()),
    createdAt: z.date(),
  })
  .meta({ id: 'StaffTeam' });

/** The team's calendar and lead, for case deadlines and escalation (all optional). */
const teamCalendarFields = {
  leadUserId: z.uuid().nullable().optional().describe('a member of the workspace'),
  businessHours: businessHoursSchema.nullable().optional(),
  holidays: holidaysSchema.optional(),
};

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nicknames: z.array(z.string()),
    teamId: z.uuid().nullable(),
    email: z.string().nullable(),
    userId: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'StaffPerson' });

export const entitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    aliases: z.array(z.string()),
    createdAt: z.date(),
  })
  .meta({ id: 'TrackedEntity' });

export const createTeamBody = z.strictObject({
  name: nameSchema,
  aliases: aliasesSchema.default([]),
  leadEmail: emailOrNull.default(null),
  ...teamCalendarFields,
});
export const updateTeamBody = z
  .strictObject({
    name: nameSchema.optional(),
    aliases: aliasesSchema.optional(),
    leadEmail: emailOrNull.optional(),
    ...teamCalendarFields,
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field');

export const createPersonBody = z.strictObject({
  name: nameSchema,
  nicknames: aliasesSchema.default([]),
  teamId: z.uuid().nullable().default(null),
  email: emailOrNull.default(null),
  userId: z.uuid().nullable().default(null).describe('the Hearken user this person signs in as'),
});
export const updatePersonBody = z
  .strictObject({
    name: nameSchema.optional(),
    nicknames: aliasesSchema.optional(),
    teamId: z.uuid().nullable().optional(),
    email: emailOrNull.optional(),
    userId: z.uuid().nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field');

export const createEntityBody = z.strictObject({
  kind: z.enum(ENTITY_KINDS),
  name: nameSchema,
  aliases: aliasesSchema.default([]),
});
export const updateEntityBody = z
  .strictObject({
    kind: z.enum(ENTITY_KINDS).optional(),
    name: nameSchema.optional(),
    aliases: aliasesSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field');

export type CreateTeam = z.infer<typeof createTeamBody>;
export type UpdateTeam = z.infer<typeof updateTeamBody>;
export type CreatePerson = z.infer<typeof createPersonBody>;
export type UpdatePerson = z.infer<typeof updatePersonBody>;
export type CreateEntity = z.infer<typeof createEntityBody>;
export type UpdateEntity = z.infer<typeof updateEntityBody>;

export const teamParams = z.strictObject({ workspaceId: z.uuid(), teamId: z.uuid() });
export const personParams = z.strictObject({ workspaceId: z.uuid(), personId: z.uuid() });
export const entityParams = z.strictObject({ workspaceId: z.uuid(), entityId: z.uuid() });

import { z } from 'zod';
import { POST_STATUSES } from '../../db/schema/index.ts';
import { emailSchema } from '../../http/schemas.ts';
import { definitionSchema, languageCode, triggersSchema } from './definition.ts';

const name = z.string().trim().min(1).max(120);

export const surveyInput = definitionSchema.extend({ name, touchpointId: z.uuid().optional() });
export const surveyPatch = definitionSchema
  .extend({ triggers: triggersSchema })
  .partial()
  .extend({
    name: name.optional(),
    touchpointId: z.uuid().nullable().optional(),
    status: z.enum(['active', 'paused']).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'give at least one field');
export type SurveyInput = z.infer<typeof surveyInput>;
export type SurveyPatch = z.infer<typeof surveyPatch>;

export const surveySchema = definitionSchema
  .extend({
    id: z.uuid(),
    name: z.string(),
    postId: z.uuid(),
    touchpointId: z.uuid().nullable(),
    status: z
      .enum(POST_STATUSES)
      .describe('the listening post’s status: paused surveys are closed'),
    publicUrl: z.url(),
    responses: z.object({ partial: z.number(), complete: z.number() }),
    invitations: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Survey' });

export const surveyParams = z.strictObject({ workspaceId: z.uuid(), surveyId: z.uuid() });

export const inviteeSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  language: languageCode.optional(),
});
export type Invitee = z.infer<typeof inviteeSchema>;

export const invitationsInput = z.strictObject({
  contacts: z.array(inviteeSchema).min(1).max(1000),
});

export const surveyInvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    source: z.enum(['manual', 'api', 'event']),
    sendAt: z.string(),
    emailedAt: z.string().nullable(),
    createdAt: z.string(),
    responseState: z.enum(['partial', 'complete']).nullable(),
  })
  .meta({ id: 'SurveyInvitation' });

export const eventInput = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('your id for the event: an event sent twice with the same id invites once'),
  type: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
  contact: inviteeSchema,
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type EventInput = z.infer<typeof eventInput>;

const answerValue = z.union([
  z.number(),
  z.string().max(10_000),
  z.array(z.string().max(40)).max(30),
  z.boolean(),
  z.null(),
]);
export const answersInput = z.strictObject({
  answers: z.record(z.string().max(40), answerValue).describe('answers by question id'),
  language: languageCode.optional(),
  invitation: z.string().max(64).optional().describe('the invitation token (the `i` in its link)'),
});
export const responseReply = z.object({
  responseToken: z.string().describe('send later answers to /responses/{responseToken}'),
  state: z.enum(['partial', 'complete']),
  nextQuestionId: z.string().nullable(),
  duplicate: z.boolean().describe('true when this exact page was received before: nothing changed'),
});

import { z } from 'zod';
import { POST_KINDS, POST_STATUSES } from '../../db/schema/index.ts';

const name = z.string().trim().min(1).max(120);
const atLeastOne = (body: Record<string, unknown>) =>
  Object.values(body).some((value) => value !== undefined);

export const touchpointSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    teamId: z.uuid().nullable().describe('the staff team that owns cases from this touchpoint'),
    createdAt: z.date(),
  })
  .meta({ id: 'Touchpoint' });
export const touchpointInput = z.strictObject({
  name,
  description: z.string().max(2000).optional(),
  teamId: z.uuid().nullable().optional().describe('a staff directory team'),
});
export const touchpointPatch = touchpointInput
  .partial()
  .refine(atLeastOne, 'give at least one field');

export const listeningPostSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(POST_KINDS),
    name: z.string(),
    touchpointId: z.uuid().nullable(),
    status: z.enum(POST_STATUSES),
    lastError: z.string().nullable(),
    lastReceivedAt: z.date().nullable(),
    createdAt: z.date(),
    settings: z
      .record(z.string(), z.unknown())
      .describe('What this kind of post is configured with (secrets are never shown)'),
    volume: z
      .array(z.object({ day: z.string(), count: z.number() }))
      .describe('Items received per day, last 30 days'),
  })
  .meta({ id: 'ListeningPost' });
const settings = z
  .record(z.string(), z.unknown())
  .describe(
    'Settings for this kind of post; each kind documents its own (docs/listening-posts.md)',
  );
export const listeningPostInput = z.strictObject({
  kind: z.enum(POST_KINDS),
  name,
  touchpointId: z.uuid().optional(),
  settings: settings.optional(),
});
export const listeningPostPatch = z
  .strictObject({
    name: name.optional(),
    touchpointId: z.uuid().nullable().optional(),
    status: z.enum(['active', 'paused']).optional(),
    settings: settings.optional(),
  })
  .refine(atLeastOne, 'give at least one field');

export type TouchpointInput = z.infer<typeof touchpointInput>;
export type TouchpointPatch = z.infer<typeof touchpointPatch>;
export type ListeningPostInput = z.infer<typeof listeningPostInput>;
export type ListeningPostPatch = z.infer<typeof listeningPostPatch>;

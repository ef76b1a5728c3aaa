import { z } from 'zod';
import { KUDOS_SOURCES } from '../../db/schema/index.ts';

export const feedbackParams = z.strictObject({ workspaceId: z.uuid(), feedbackId: z.uuid() });
export const kudosParams = feedbackParams.extend({ kudosId: z.uuid() });

/** Credit a person or a team (exactly one), optionally with the words to quote. */
export const tagBody = z
  .strictObject({
    personId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    quote: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((body) => (body.personId === undefined) !== (body.teamId === undefined), {
    message: 'give exactly one of personId and teamId',
    path: ['personId'],
  });

export const listQuery = z.strictObject({
  personId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reportQuery = z
  .strictObject({ from: z.iso.date().or(z.iso.datetime()), to: z.iso.date().or(z.iso.datetime()) })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= 400 * 86_400_000, {
    message: 'at most 400 days',
    path: ['to'],
  });

export const kudosSchema = z.object({
  id: z.uuid(),
  feedbackId: z.uuid(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  source: z.enum(KUDOS_SOURCES),
  quote: z.string(),
  receivedAt: z.string(),
  createdAt: z.string(),
  notifiedAt: z.string().nullable(),
});

const wallEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  teamName: z.string().nullable(),
  last30: z.number().int(),
  last90: z.number().int(),
  latest: z.array(z.object({ id: z.uuid(), quote: z.string(), receivedAt: z.string() })),
});

export const wallSchema = z.object({
  asOf: z.string(),
  people: z.array(wallEntry),
  teams: z.array(wallEntry),
});

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      teamName: z.string().nullable(),
      praise: z.number().int(),
      casesOwned: z.number().int(),
      loopsClosed: z.number().int(),
      wonBack: z.number().int(),
    }),
  ),
});

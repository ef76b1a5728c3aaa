import { z } from 'zod';

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('http(s); must resolve to a public address unless the operator allows private ones');

export const destinationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email') }),
  z.strictObject({ kind: z.literal('slack'), url: httpUrl }),
  z.strictObject({
    kind: z.literal('webhook'),
    url: httpUrl,
    secret: z.string().min(16).max(200).optional().describe('signs the body (X-Hearken-Signature)'),
  }),
]);

/** E-mail goes to a team (its lead and members), so it needs `teamId`. */
export const shareBody = z
  .strictObject({
    teamId: z.uuid().optional(),
    destination: destinationSchema,
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((body) => body.destination.kind !== 'email' || body.teamId !== undefined, {
    message: 'e-mail goes to a team: give teamId',
    path: ['teamId'],
  });
export type ShareBody = z.infer<typeof shareBody>;

export const caseParams = z.strictObject({ workspaceId: z.uuid(), caseId: z.uuid() });
export const themeParams = z.strictObject({ workspaceId: z.uuid(), themeId: z.uuid() });

export const shareResultSchema = z.object({
  shareId: z.uuid(),
  delivered: z
    .boolean()
    .describe('false when Slack or the webhook refused or could not be reached'),
  detail: z.string(),
  recipients: z.number().int().describe('e-mail addresses written to the outbox (0 for HTTP)'),
  responseStatus: z.number().int().nullable(),
});

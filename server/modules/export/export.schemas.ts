import { z } from 'zod';
import {
  ACCOUNT_TIERS,
  CHANNELS,
  CONTACT_LEVELS,
  ENTITY_KINDS,
  SCORE_TYPES,
} from '../../db/schema/index.ts';

/**
 * The JSON-lines export format, version 1. The first line is a header; every other line is
 * `{ "type", "data" }`. Import validates each line against these schemas.
 */
export const EXPORT_FORMAT = 'hearken-export';
export const EXPORT_VERSION = 1;

export const headerSchema = z.object({
  type: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  workspace: z.object({ name: z.string(), timezone: z.string() }),
});
export type ExportHeader = z.infer<typeof headerSchema>;

const id = z.uuid();
const reference = z.uuid().nullable().default(null);
const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const touchpointData = z.strictObject({
  id,
  name: z.string().min(1).max(500),
  description: z.string().max(5000).default(''),
  createdAt: timestamp.optional(),
});

const accountData = z.strictObject({
  id,
  name: z.string().min(1).max(500),
  domain: z.string().max(253).nullable().default(null),
  tier: z.enum(ACCOUNT_TIERS).default('standard'),
  createdAt: timestamp.optional(),
});

const contactData = z.strictObject({
  id,
  accountId: reference,
  name: z.string().max(500).nullable().default(null),
  email: z.string().max(320).nullable().default(null),
  level: z.enum(CONTACT_LEVELS).nullable().default(null),
  createdAt: timestamp.optional(),
});

const SCORE_RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const feedbackData = z
  .strictObject({
    id,
    channel: z.enum(CHANNELS),
    touchpointId: reference,
    contactId: reference,
    accountId: reference,
    scoreType: z.enum(SCORE_TYPES).nullable().default(null),
    score: z.number().int().nullable().default(null),
    text: z.string().max(100_000).default(''),
    receivedAt: timestamp,
    createdAt: timestamp.optional(),
  })
  .superRefine((data, check) => {
    if (data.scoreType === null) {
      if (data.score !== null)
        check.addIssue({
          code: 'custom',
          path: ['scoreType'],
          message: 'is required with a score',
        });
      return;
    }
    const [low, high] = SCORE_RANGES[data.scoreType];
    if (data.score === null || data.score < low || data.score > high) {
      check.addIssue({
        code: 'custom',
        path: ['score'],
        message: `must be ${low}–${high} for ${data.scoreType}`,
      });
    }
  });

const directoryName = z.string().trim().min(1).max(120);
const aliases = z.array(z.string().trim().min(1).max(60)).max(20).default([]);

const staffTeamData = z.strictObject({
  id,
  name: directoryName,
  aliases,
  leadEmail: z.string().max(254).nullable().default(null),
  createdAt: timestamp.optional(),
});

/** People without their Hearken user: users are not imported (members are invited again). */
const staffPersonData = z.strictObject({
  id,
  name: directoryName,
  nicknames: aliases,
  teamId: reference,
  email: z.string().max(254).nullable().default(null),
  createdAt: timestamp.optional(),
});

const trackedEntityData = z.strictObject({
  id,
  kind: z.enum(ENTITY_KINDS),
  name: directoryName,
  aliases,
  createdAt: timestamp.optional(),
});

/** A staff correction of the analysis; its id is the source workspace's, for reference only. */
const analysisCorrectionData = z.strictObject({
  id: z.string().regex(/^\d{1,19}$/),
  feedbackId: id,
  field: z.enum(['sentiment', 'theme']),
  previous: z.unknown().default(null),
  corrected: z.unknown().refine((value) => value !== undefined, 'is required'),
  createdAt: timestamp,
});

export const importLineSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('touchpoint'), data: touchpointData }),
  z.strictObject({ type: z.literal('account'), data: accountData }),
  z.strictObject({ type: z.literal('contact'), data: contactData }),
  z.strictObject({ type: z.literal('feedback'), data: feedbackData }),
  z.strictObject({ type: z.literal('staff_team'), data: staffTeamData }),
  z.strictObject({ type: z.literal('staff_person'), data: staffPersonData }),
  z.strictObject({ type: z.literal('tracked_entity'), data: trackedEntityData }),
  z.strictObject({ type: z.literal('analysis_correction'), data: analysisCorrectionData }),
  z.strictObject({ type: z.literal('case'), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('member'), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('api_key_meta'), data: z.record(z.string(), z.unknown()) }),
]);
export type ImportLine = z.infer<typeof importLineSchema>;

/** Row types that import stores, parents first: a row may only refer to types before it. */
export const IMPORTED_TYPES = [
  'touchpoint',
  'account',
  'contact',
  'feedback',
  'staff_team',
  'staff_person',
  'tracked_entity',
  'analysis_correction',
] as const;
export type ImportedType = (typeof IMPORTED_TYPES)[number];

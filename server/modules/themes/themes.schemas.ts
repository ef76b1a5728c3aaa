import { z } from 'zod';
import { THEME_STATUSES } from '../../db/schema/index.ts';

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

export const themeParams = z.strictObject({ workspaceId: z.uuid(), themeId: z.uuid() });
export const feedbackThemeParams = z.strictObject({ workspaceId: z.uuid(), feedbackId: z.uuid() });

export const windowQuery = {
  from: isoDate.optional().describe('received at or after; default 90 days before `to`'),
  to: isoDate.optional().describe('received before; default now'),
};

export const listQuery = z.strictObject({
  ...windowQuery,
  status: z.enum(THEME_STATUSES).default('active'),
  recurring: z.enum(['true', 'false']).optional().describe('only recurring issues, or only others'),
});

export const detailQuery = z.strictObject({
  ...windowQuery,
  bucket: z.enum(['day', 'week']).default('week'),
});

const themeName = z.string().trim().min(1).max(80);
const phrase = z.string().trim().toLowerCase().min(1).max(60);

export const patchBody = z
  .strictObject({
    name: themeName.optional().describe('renames the theme; re-clustering keeps the name'),
    pinned: z.boolean().optional().describe('pinned themes survive re-clustering unchanged'),
  })
  .refine((body) => body.name !== undefined || body.pinned !== undefined, {
    message: 'give a name or pinned',
  });

export const createBody = z.strictObject({
  name: themeName.describe('what the theme is about, e.g. "billing: double charge"'),
  phrases: z
    .array(phrase)
    .max(20)
    .default([])
    .describe('key phrases that define it; new items with them join it (default: the name)'),
});

export const mergeBody = z.strictObject({
  intoThemeId: z.uuid().describe('the theme that absorbs this one'),
});

export const splitBody = z.strictObject({
  phrases: z.array(phrase).min(1).max(20).describe('key phrases moved to the new theme'),
  name: themeName.optional().describe('name of the new theme; default from the phrases'),
});

export const setThemesBody = z.strictObject({
  themeIds: z.array(z.uuid()).max(10).describe('the item’s themes; an empty list clears them'),
});

/** A score with the number of answers behind it, never a bare figure. */
const npsSchema = z.object({
  score: z.number().nullable().describe('% promoters − % detractors; null with no answers'),
  n: z.number().int(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});
const sentimentSchema = z.object({
  average: z.number().nullable().describe('−1..1'),
  n: z.number().int(),
});
const statsSchema = z.object({
  volume: z.number().int(),
  negative: z.number().int(),
  negativeShare: z.number().nullable(),
  sentiment: sentimentSchema,
  nps: npsSchema,
});

export const themeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameLocked: z.boolean(),
    pinned: z.boolean(),
    status: z.enum(THEME_STATUSES),
    mergedInto: z.uuid().nullable(),
    recurring: z.boolean(),
    recurringSince: z.date().nullable(),
    phrases: z.array(z.string()).describe('the heaviest terms of the theme'),
    staffTerms: z.object({ include: z.array(z.string()), exclude: z.array(z.string()) }),
    updatedAt: z.date(),
  })
  .meta({ id: 'Theme' });

export const themeWithStatsSchema = themeSchema
  .extend(statsSchema.shape)
  .meta({ id: 'ThemeStats' });

export const themeListSchema = z.object({
  from: z.date(),
  to: z.date(),
  items: z.array(themeWithStatsSchema),
});

const breakdownSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  volume: z.number().int(),
  negative: z.number().int(),
});
const quoteSchema = z.object({
  feedbackId: z.uuid(),
  text: z.string(),
  receivedAt: z.date(),
  scoreType: z.string().nullable(),
  score: z.number().int().nullable(),
  sentiment: z.number().nullable(),
  weight: z.number(),
});

export const themeDetailSchema = z
  .object({
    from: z.date(),
    to: z.date(),
    bucket: z.enum(['day', 'week']),
    theme: themeWithStatsSchema,
    series: z.array(statsSchema.extend({ period: z.string().describe('YYYY-MM-DD, first day') })),
    touchpoints: z.array(breakdownSchema),
    accounts: z.array(breakdownSchema),
    quotes: z.object({ positive: z.array(quoteSchema), negative: z.array(quoteSchema) }),
  })
  .meta({ id: 'ThemeDetail' });

export const feedbackThemesSchema = z.object({
  feedbackId: z.uuid(),
  themes: z.array(
    z.object({
      themeId: z.uuid(),
      name: z.string(),
      weight: z.number(),
      source: z.enum(['auto', 'staff']),
    }),
  ),
});

export const reclusterReply = z.object({
  queued: z.boolean().describe('false when a re-clustering was already queued this minute'),
});

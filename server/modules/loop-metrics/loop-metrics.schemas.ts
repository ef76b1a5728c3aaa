import { z } from 'zod';
import { CASE_KINDS } from '../../db/schema/index.ts';
import { METRIC_DIMENSIONS } from './loop-metrics.repository.ts';

const bound = z.iso.date().or(z.iso.datetime({ offset: true }));

export const metricsQuery = z.strictObject({
  from: bound.optional().describe('YYYY-MM-DD in the workspace time zone, or an instant'),
  to: bound.optional().describe('exclusive; default now'),
  by: z.enum(METRIC_DIMENSIONS).default('month'),
  kind: z.enum(CASE_KINDS).default('case'),
});

const share = z.object({
  count: z.number().int(),
  n: z.number().int(),
  rate: z.number().nullable(),
  low: z.number(),
  high: z.number(),
});

const figures = {
  opened: z.number().int(),
  closed: z.number().int(),
  closureRate: share,
  firstResponse: z.object({
    n: z.number().int(),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  }),
  timeToClose: z.object({ n: z.number().int(), medianHours: z.number().nullable() }),
  overdue: share,
  stockReplies: share,
  detractorsWonBack: share,
};

export const metricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  by: z.enum(METRIC_DIMENSIONS),
  kind: z.enum(CASE_KINDS),
  overall: z.object(figures),
  groups: z.array(
    z.object({
      key: z.string().nullable().describe('null: cases with no team / owner / touchpoint'),
      label: z.string().nullable(),
      ...figures,
    }),
  ),
  themes: z.array(
    z.object({
      themeId: z.uuid(),
      name: z.string(),
      loopsClosed: z.number().int(),
      wonBack: z.number().int(),
      actions: z.number().int(),
      actionsShipped: z.number().int(),
    }),
  ),
});

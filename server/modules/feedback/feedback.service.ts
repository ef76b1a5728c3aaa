import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import * as repo from './feedback.repository.ts';
import type { FeedbackFilters } from './feedback.schemas.ts';
import { npsSummary } from './nps.ts';
import type { Role } from '../../db/schema/index.ts';
import { withAnalysis } from '../feedback-analysis/feedback-analysis.service.ts';
import { themesOfItems } from '../themes/themes.service.ts';

/** Bulk inserts of touchpoints, accounts, contacts and feedback, for seeding and import. */
export * as customerRows from './customer-rows.repository.ts';
export type {
  NewAccount,
  NewContact,
  NewFeedback,
  NewTouchpoint,
} from './customer-rows.repository.ts';

/** How many touchpoints, accounts, contacts and feedback items the workspace has. */
export function countCustomerRows(ctx: AppContext, workspaceId: string) {
  return repo.countTotals(ctx.db, workspaceId);
}

/** The dashboard's NPS chart covers this many months, the current one included. */
export const OVERVIEW_MONTHS = 18;

/** Counts, NPS by month (in the workspace's time zone), channels and queue health on one screen. */
export async function getOverview(ctx: AppContext, workspaceId: string) {
  const totals = await repo.countTotals(ctx.db, workspaceId);
  const months = await repo.npsByMonth(ctx.db, workspaceId, OVERVIEW_MONTHS);
  const byChannel = await repo.countByChannel(ctx.db, workspaceId);
  const { demoSeeding, ...jobs } = await repo.summariseJobs(ctx.db, workspaceId);
  return {
    ...totals,
    npsByMonth: months.map((row) => ({ ...row, ...npsSummary(row) })),
    byChannel,
    jobs,
    demoSeeding,
  };
}

const CURSOR = /^(-?\d{1,17}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Cursors are opaque to clients: base64url of "<received_at in µs>:<id>". */
export function encodeCursor(position: repo.FeedbackPosition): string {
  return Buffer.from(`${position.receivedAtMicros}:${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): repo.FeedbackPosition {
  const match = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (!match?.[1] || !match[2]) {
    throw errors.invalid('The cursor is not valid.', [
      { path: 'querystring.cursor', message: 'use the nextCursor of a previous page' },
    ]);
  }
  return { receivedAtMicros: match[1], id: match[2] };
}

/** Feedback newest first, in pages that stay stable while new feedback arrives. */
export async function listFeedbackPage(
  ctx: AppContext,
  workspaceId: string,
  role: Role,
  query: { limit: number; cursor?: string | undefined } & FeedbackFilters,
) {
  const { limit, cursor, ...filters } = query;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rows = await repo.listFeedback(ctx.db, workspaceId, limit, after, filters);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await presented(
      ctx,
      workspaceId,
      role,
      page.map(({ receivedAtMicros: _position, ...item }) => item),
    ),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ receivedAtMicros: last.receivedAtMicros, id: last.id })
        : null,
  };
}

/** One feedback item with its analysis, as this role may see it. */
export async function getFeedbackItem(
  ctx: AppContext,
  workspaceId: string,
  role: Role,
  feedbackId: string,
) {
  const row = await repo.findFeedback(ctx.db, workspaceId, feedbackId);
  if (!row) throw errors.notFound('feedback', feedbackId);
  const { receivedAtMicros: _position, ...item } = row;
  const [shown] = await presented(ctx, workspaceId, role, [item]);
  return shown!;
}

/** Items as the inbox shows them: with their analysis (redacted for this role) and themes. */
async function presented<T extends Parameters<typeof withAnalysis>[3][number]>(
  ctx: AppContext,
  workspaceId: string,
  role: Role,
  items: T[],
) {
  const analysed = await withAnalysis(ctx.db, workspaceId, role, items);
  const themes = await themesOfItems(
    ctx.db,
    workspaceId,
    items.map((item) => item.id),
  );
  return analysed.map((item) => ({ ...item, themes: themes.get(item.id) ?? [] }));
}

import type { AppContext } from '../../context.ts';
import type { CaseKind } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import * as repo from './loop-metrics.repository.ts';
import { wilson } from './wilson.ts';

export interface MetricsQuery {
  from?: string | undefined;
  to?: string | undefined;
  by: repo.MetricDimension;
  kind: CaseKind;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 800;
const oneDecimal = (value: number | null) =>
  value === null ? null : Math.round(Number(value) * 10) / 10;

function figures(cases: repo.CaseFigures | undefined, replies: repo.ReplyFigures | undefined) {
  const opened = cases?.opened ?? 0;
  return {
    opened,
    closed: cases?.closed ?? 0,
    closureRate: wilson(cases?.closed ?? 0, opened),
    firstResponse: {
      n: cases?.responded ?? 0,
      medianHours: oneDecimal(cases?.frtMedianHours ?? null),
      p90Hours: oneDecimal(cases?.frtP90Hours ?? null),
    },
    timeToClose: {
      n: cases?.closed ?? 0,
      medianHours: oneDecimal(cases?.closeMedianHours ?? null),
    },
    overdue: wilson(cases?.overdue ?? 0, opened),
    stockReplies: wilson(replies?.stock ?? 0, replies?.replies ?? 0),
    detractorsWonBack: wilson(cases?.wonBack ?? 0, cases?.detractorsClosed ?? 0),
  };
}

/**
 * Closed-loop figures over a period, overall and per team, owner, touchpoint (of the case's first
 * item) or month (workspace time zone), each rate with n and a 95 % Wilson interval; plus loops
 * closed and actions per root-cause theme. Case figures follow the cases OPENED in the period
 * (closure rate = share of them closed by now); stock-reply share follows replies SENT in it.
 * `from`/`to` are dates (YYYY-MM-DD, in the workspace's time zone) or instants; `to` is exclusive.
 * Default: the 180 days before `now`.
 */
export async function loopMetrics(
  ctx: AppContext,
  workspaceId: string,
  query: MetricsQuery,
  now: Date,
) {
  const to = query.to ?? now.toISOString();
  const from = query.from ?? new Date(new Date(to).getTime() - 180 * DAY_MS).toISOString();
  const period = await repo.resolvePeriod(ctx.db, workspaceId, from, to);
  const span = period.to.getTime() - period.from.getTime();
  if (span <= 0)
    throw errors.invalid('`to` must be after `from`.', [
      { path: 'to', message: 'must be after from' },
    ]);
  if (span > MAX_DAYS * DAY_MS)
    throw errors.invalid(`A period of at most ${MAX_DAYS} days.`, [
      { path: 'from', message: 'period too long' },
    ]);
  const [cases, replies, themes] = await Promise.all([
    repo.caseFigures(ctx.db, workspaceId, period, query.by, query.kind, now),
    repo.replyFigures(ctx.db, workspaceId, period, query.by, query.kind),
    repo.themeCoverage(ctx.db, workspaceId, period),
  ]);
  const keys = [
    ...new Set([...cases, ...replies].filter((row) => row.grouped).map((row) => row.key)),
  ];
  const labels = new Map<string | null, string | null>(
    [...cases, ...replies].filter((row) => row.grouped).map((row) => [row.key, row.label]),
  );
  if (query.by === 'touchpoint') {
    const names = await repo.touchpointNames(
      ctx.db,
      workspaceId,
      keys.filter((key): key is string => key !== null),
    );
    for (const { id, name } of names) labels.set(id, name);
  }
  if (query.by === 'month') for (const key of keys) labels.set(key, key);
  const groups = keys
    .map((key) => ({
      key,
      label: labels.get(key) ?? null,
      ...figures(
        cases.find((row) => row.grouped && row.key === key),
        replies.find((row) => row.grouped && row.key === key),
      ),
    }))
    .sort((a, b) =>
      query.by === 'month'
        ? String(a.key).localeCompare(String(b.key))
        : b.opened - a.opened || String(a.label).localeCompare(String(b.label)),
    );
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    timezone: period.timezone,
    by: query.by,
    kind: query.kind,
    overall: figures(
      cases.find((row) => !row.grouped),
      replies.find((row) => !row.grouped),
    ),
    groups,
    themes,
  };
}

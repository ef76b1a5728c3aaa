import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { insertJobs } from '../../jobs/queue.repository.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import { redactionOf } from '../alerts/deliveries.repository.ts';
import { enqueueMessages, type MailContext } from '../outbox/outbox.service.ts';
import { kudosEmail } from './kudos.messages.ts';
import * as repo from './kudos.repository.ts';
import * as wallRepo from './kudos-wall.repository.ts';
import { findPraise, quoteOf, type PraiseSource } from './praise.ts';

export const NOTIFY_JOB = 'kudos.notify';
/** Same rule as alerts: praise in items received longer ago (imports, re-analysis) is credited quietly. */
export const KUDOS_NOTIFY_MAX_AGE_HOURS = 72;

interface CreditSource extends PraiseSource {
  receivedAt: Date;
}

/**
 * Credits praise in a just-analysed batch (run inside the analysis transaction) and queues the
 * notification of new, recent kudos in the same transaction. Idempotent: a batch analysed again
 * writes nothing new, and analysis credit that no longer holds (an item corrected to negative)
 * is removed. Hand-tagged kudos are left alone.
 */
export async function creditPraise(
  db: Db,
  workspaceId: string,
  items: readonly CreditSource[],
  now: Date,
): Promise<{ credited: number; queued: number }> {
  if (items.length === 0) return { credited: 0, queued: 0 };
  const praise = findPraise(items);
  await repo.pruneAnalysisKudos(
    db,
    workspaceId,
    items.map((item) => item.feedbackId),
    praise,
  );
  const inserted = await repo.insertAnalysisKudos(db, workspaceId, praise);
  const oldest = now.getTime() - KUDOS_NOTIFY_MAX_AGE_HOURS * 3_600_000;
  const recent = new Set(
    items.filter((item) => item.receivedAt.getTime() >= oldest).map((item) => item.feedbackId),
  );
  const toNotify = inserted.filter((row) => recent.has(row.feedbackId)).map((row) => row.id);
  await queueNotification(db, workspaceId, toNotify);
  return { credited: inserted.length, queued: toNotify.length };
}

async function queueNotification(db: Db, workspaceId: string, kudosIds: string[]) {
  if (kudosIds.length === 0) return;
  await insertJobs(db, [
    {
      name: NOTIFY_JOB,
      workspaceId,
      payload: { kudosIds },
      maxAttempts: 5,
      uniqueKey: `kudos:${workspaceId}:${kudosIds[0]}`,
    },
  ]);
}

export function kudosLink(ctx: Pick<AppContext, 'config'>, workspaceId: string, kudosId: string) {
  return `${ctx.config.PUBLIC_URL}/w/${workspaceId}/kudos?kudos=${kudosId}`;
}

/**
 * Tells the praised person and their team's lead (lead e-mail and lead user), once per kudos and
 * address: each message has a dedup key, and the kudos is marked notified in the same
 * transaction. Run by the `kudos.notify` job; safe to run again.
 */
export async function notifyKudos(
  ctx: MailContext,
  workspaceId: string,
  kudosIds: string[],
  now: Date,
): Promise<{ notified: number; messages: number }> {
  return ctx.db.transaction(async (tx) => {
    const notices = await repo.pendingNotices(tx, workspaceId, kudosIds);
    const messages = notices.flatMap((notice) => {
      const recipients = [notice.personEmail, notice.leadEmail, notice.leadUserEmail]
        .filter((email): email is string => Boolean(email))
        .map((email) => email.toLowerCase());
      const quote = notice.redactPersonalData
        ? redact(notice.quote, findPersonalData(notice.quote))
        : notice.quote;
      const content = kudosEmail({
        personName: notice.personName,
        teamName: notice.teamName,
        quote,
        channel: notice.channel,
        receivedAt: new Date(notice.receivedAt).toISOString(),
        link: kudosLink(ctx, workspaceId, notice.id),
      });
      return [...new Set(recipients)].map((to) => ({
        dedupKey: `kudos:${notice.id}:${to}`,
        to,
        purpose: 'internal' as const,
        ...content,
      }));
    });
    await enqueueMessages(ctx, workspaceId, messages, tx);
    await repo.markNotified(
      tx,
      workspaceId,
      notices.map((notice) => notice.id),
      now,
    );
    return { notified: notices.length, messages: messages.length };
  });
}

export interface TagInput {
  personId?: string | undefined;
  teamId?: string | undefined;
  quote?: string | undefined;
}

/** Credits a person or team by hand for an item; the person and lead are told (whatever its age). */
export async function tagKudos(
  ctx: AppContext,
  workspaceId: string,
  feedbackId: string,
  input: TagInput,
  userId: string | null,
) {
  const entry = { personId: input.personId ?? null, teamId: input.teamId ?? null };
  const text = await repo.feedbackText(ctx.db, workspaceId, feedbackId);
  if (text === undefined) throw errors.notFound('feedback', feedbackId);
  if (!(await repo.directoryEntryExists(ctx.db, workspaceId, entry)))
    throw entry.personId
      ? errors.notFound('staff person', entry.personId)
      : errors.notFound('staff team', entry.teamId ?? undefined);
  const quote = input.quote?.trim() || quoteOf(text);
  const row = await ctx.db.transaction(async (tx) => {
    const saved = await repo.insertManualKudos(tx, workspaceId, {
      feedbackId,
      ...entry,
      quote,
      createdBy: userId,
    });
    if (saved?.created) await queueNotification(tx, workspaceId, [saved.id]);
    return saved;
  });
  if (!row) throw errors.conflict('This praise could not be recorded; try again.');
  ctx.jobs.notify();
  const [listed] = await wallRepo.listKudos(ctx.db, workspaceId, { kudosId: row.id, limit: 1 });
  return { created: row.created, kudos: present(listed!, false) };
}

export async function removeKudos(
  ctx: AppContext,
  workspaceId: string,
  feedbackId: string,
  kudosId: string,
) {
  if (!(await repo.deleteKudos(ctx.db, workspaceId, feedbackId, kudosId)))
    throw errors.notFound('kudos', kudosId);
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const hide = (text: string, redacting: boolean) =>
  redacting ? redact(text, findPersonalData(text)) : text;

export function present(row: wallRepo.KudosRow, redacting: boolean) {
  return {
    ...row,
    quote: hide(row.quote, redacting),
    receivedAt: new Date(row.receivedAt).toISOString(),
    createdAt: new Date(row.createdAt).toISOString(),
    notifiedAt: iso(row.notifiedAt),
  };
}

/** Viewers see personal data hidden when the workspace redacts it (as on the alerts page). */
async function redactingFor(ctx: AppContext, workspaceId: string, role: Role) {
  return role === 'viewer' ? redactionOf(ctx.db, workspaceId) : false;
}

export async function listKudos(
  ctx: AppContext,
  workspaceId: string,
  filter: { personId?: string; teamId?: string; feedbackId?: string; limit: number },
  role: Role,
) {
  const [rows, redacting] = await Promise.all([
    wallRepo.listKudos(ctx.db, workspaceId, filter),
    redactingFor(ctx, workspaceId, role),
  ]);
  return rows.map((row) => present(row, redacting));
}

/** The kudos wall: per person and per team, praise over 30 and 90 days with the latest quotes. */
export async function kudosWall(ctx: AppContext, workspaceId: string, role: Role, now: Date) {
  const [people, teams, redacting] = await Promise.all([
    wallRepo.wall(ctx.db, workspaceId, 'person', now, 3),
    wallRepo.wall(ctx.db, workspaceId, 'team', now, 3),
    redactingFor(ctx, workspaceId, role),
  ]);
  const shape = (entry: wallRepo.WallEntry) => ({
    ...entry,
    latest: entry.latest.map((quote) => ({
      ...quote,
      quote: hide(quote.quote, redacting),
      receivedAt: new Date(quote.receivedAt).toISOString(),
    })),
  });
  return { asOf: now.toISOString(), people: people.map(shape), teams: teams.map(shape) };
}

export async function employeeReport(
  ctx: AppContext,
  workspaceId: string,
  range: { from: Date; to: Date },
) {
  if (range.to <= range.from) throw errors.invalid('`to` must be after `from`.');
  const rows = await wallRepo.employeeReport(ctx.db, workspaceId, range);
  return { from: range.from.toISOString(), to: range.to.toISOString(), people: rows };
}

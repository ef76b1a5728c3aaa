import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { OPEN_STAGES, type CaseKind, type OpenStage, type Role } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import { listActions } from './actions.repository.ts';
import * as changes from './case-changes.repository.ts';
import { sendStaffNotes } from './case-mail.ts';
import { presentAction, presentEvent, presentFeedback, presentSummary } from './case-present.ts';
import * as views from './case-views.repository.ts';
import * as kernel from './cases.repository.ts';
import {
  HISTORY_LIMIT,
  type AssignInput,
  type CasesQuery,
  type EngageInput,
  type OpenCaseInput,
  type StageInput,
} from './cases.schemas.ts';
import { dueAtFor, type StageDeadlines } from './deadlines.ts';

export type CaseContext = Pick<AppContext, 'db' | 'config' | 'jobs'>;

/** Runs `work` in one transaction, typed as the shared `Db`. */
export function inTransaction<T>(ctx: Pick<AppContext, 'db'>, work: (db: Db) => Promise<T>) {
  return ctx.db.transaction((tx) => work(tx as unknown as Db));
}

export async function requireCase(db: Db, workspaceId: string, caseId: string) {
  const found = await kernel.findCase(db, workspaceId, caseId);
  if (!found) throw errors.notFound('case', caseId);
  return found;
}

export async function listCases(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  query: CasesQuery,
  callerId: string | null,
  now: Date,
) {
  if ((query.owner === 'me' || query.queue === 'mine') && !callerId)
    throw errors.invalid('`me` needs a signed-in person, not an API key.', [
      { path: query.owner === 'me' ? 'owner' : 'queue', message: 'needs a signed-in person' },
    ]);
  const ownerId =
    query.owner === 'me' ? callerId : query.owner === 'none' ? null : (query.owner ?? undefined);
  const rows = await views.listCases(
    ctx.db,
    workspaceId,
    {
      ...query,
      ownerId,
      queueOf: query.queue === 'mine' ? (callerId ?? undefined) : undefined,
      limit: query.limit + 1,
    },
    now,
  );
  const more = rows.length > query.limit;
  return {
    items: rows.slice(0, query.limit).map((row) => presentSummary(row, now)),
    nextOffset: more ? query.offset + query.limit : null,
  };
}

/**
 * One case with the customer's words, who they are, their history, the timeline and actions.
 * Viewers see personal data hidden (texts redacted, no email) when the workspace redacts it.
 */
export async function getCase(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  caseId: string,
  now: Date,
  role: Role = 'agent',
) {
  const db = ctx.db;
  const summary = await views.findCaseSummary(db, workspaceId, caseId);
  if (!summary) throw errors.notFound('case', caseId);
  const full = await requireCase(db, workspaceId, caseId);
  const [items, contact, account, otherFeedback, otherCases, events, actions, rootCause, hiding] =
    await Promise.all([
      views.caseFeedbackItems(db, workspaceId, caseId),
      full.contactId ? views.findContact(db, workspaceId, full.contactId) : null,
      full.accountId ? views.findAccount(db, workspaceId, full.accountId) : null,
      full.contactId
        ? views.otherFeedbackOfContact(db, workspaceId, full.contactId, caseId, HISTORY_LIMIT)
        : [],
      full.contactId
        ? views.listCases(
            db,
            workspaceId,
            { contactId: full.contactId, excludeId: caseId, limit: HISTORY_LIMIT, offset: 0 },
            now,
          )
        : [],
      views.timeline(db, workspaceId, caseId),
      listActions(db, workspaceId, { caseId, limit: 100 }),
      full.rootCauseThemeId ? views.themeName(db, workspaceId, full.rootCauseThemeId) : null,
      role === 'viewer' ? views.redactsPersonalData(db, workspaceId) : false,
    ]);
  const words = (row: views.CaseFeedbackRow) => {
    const item = presentFeedback(row);
    return hiding ? { ...item, text: redact(item.text, findPersonalData(item.text)) } : item;
  };
  return {
    case: {
      ...presentSummary(summary, now),
      learned: full.learned,
      initiatedBy: full.initiatedBy,
      rootCause: full.rootCauseThemeId
        ? { id: full.rootCauseThemeId, name: rootCause ?? '(deleted theme)' }
        : null,
      resolution: full.resolution,
      stageStartedAt: new Date(full.stageStartedAt).toISOString(),
      firstResponseAt: full.firstResponseAt ? new Date(full.firstResponseAt).toISOString() : null,
    },
    feedback: items.map(words),
    contact: contact && hiding ? { ...contact, email: null } : contact,
    account,
    history: {
      feedback: otherFeedback.map(words),
      cases: otherCases.map((row) => presentSummary(row, now)),
    },
    timeline: events.map(presentEvent),
    actions: actions.map(presentAction),
  };
}

/**
 * Opens a case by hand from feedback items of one customer, owned by whoever opens it. When the
 * customer already has an open case of this kind, the items join it instead (`created: false`).
 */
export async function openCase(
  ctx: CaseContext,
  workspaceId: string,
  input: OpenCaseInput,
  actorId: string | null,
  /** Kept for symmetry with the other changes; the kernel stamps the opening itself. */
  _now: Date,
): Promise<{ caseId: string; created: boolean }> {
  return inTransaction(ctx, async (db) => {
    const ids = [...new Set(input.feedbackIds)];
    const items = await views.feedbackForCase(db, workspaceId, ids);
    const missing = ids.filter((id) => !items.some((item) => item.id === id));
    if (missing.length > 0) throw errors.notFound('feedback', missing[0]);
    const contacts = new Set(items.map((item) => item.contactId));
    if (contacts.size > 1)
      throw errors.invalid('A case gathers the feedback of one customer.', [
        { path: 'feedbackIds', message: 'items come from different contacts' },
      ]);
    const contactId = items[0]!.contactId;
    const inCase = items.filter((item) => item.caseId !== null);
    const open = contactId
      ? (await kernel.findOpenCasesForContacts(db, workspaceId, input.kind, [contactId]))[0]
      : undefined;
    if (inCase.length > 0 && !(open && inCase.every((item) => item.caseId === open.id)))
      throw errors.conflict('Some of these items are already in another case.', [
        { path: 'feedbackIds', message: `${inCase[0]!.id} is in a case` },
      ]);
    if (open) {
      await kernel.attachFeedback(
        db,
        workspaceId,
        items.map((item) => ({ caseId: open.id, feedbackId: item.id, merged: true })),
        actorId,
      );
      return { caseId: open.id, created: false };
    }
    const scored = items.find((item) => item.score !== null);
    const [opened] = await kernel.insertCases(db, workspaceId, [
      {
        kind: input.kind,
        title: input.title ?? titleFrom(items[0]!.text),
        contactId,
        accountId: items.find((item) => item.accountId)?.accountId ?? null,
        ownerId: actorId,
        teamId: null,
        ruleId: null,
        dueAt: null,
        deadlines: {},
        scoreType: scored?.scoreType ?? null,
        scoreBefore: scored?.score ?? null,
        feedbackIds: items.map((item) => item.id),
        actorId,
      },
    ]);
    if (!opened) throw errors.conflict('The case could not be opened; try again.');
    return { caseId: opened.id, created: true };
  });
}

function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  if (!line) return 'Feedback';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export async function assignCase(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  input: AssignInput,
  actorId: string | null,
) {
  return inTransaction(ctx, async (db) => {
    const current = await requireCase(db, workspaceId, caseId);
    const ownerId = input.ownerId === undefined ? current.ownerId : input.ownerId;
    const teamId = input.teamId === undefined ? current.teamId : input.teamId;
    const member = ownerId
      ? (await views.members(db, workspaceId)).find((m) => m.id === ownerId)
      : undefined;
    if (ownerId && !member)
      throw errors.invalid('The owner must be a member of this workspace.', [
        { path: 'ownerId', message: 'is not a member' },
      ]);
    if (teamId && !(await views.teamExists(db, workspaceId, teamId)))
      throw errors.invalid('No such team.', [{ path: 'teamId', message: 'does not exist' }]);
    await changes.assign(db, workspaceId, caseId, { ownerId, teamId });
    const eventId = await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'assigned',
      actorId,
      data: { ownerId, teamId, previousOwnerId: current.ownerId, strategy: 'manual' },
    });
    if (member && ownerId !== current.ownerId && ownerId !== actorId)
      await sendStaffNotes(
        ctx,
        workspaceId,
        [
          {
            dedupKey: `case-assigned:${eventId}`,
            to: member.email,
            caseId,
            caseNumber: current.number,
            subject: `Case #${current.number} is yours: ${current.title}`,
            lines: [`Hello ${member.name},`, `Case #${current.number} was assigned to you.`],
          },
        ],
        db,
      );
  });
}

/** Engage: what was learned and who initiated the feedback. */
export async function recordEngagement(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  input: EngageInput,
  actorId: string | null,
) {
  return inTransaction(ctx, async (db) => {
    await requireCase(db, workspaceId, caseId);
    if (!(await changes.recordLearned(db, workspaceId, caseId, input.learned, input.initiatedBy)))
      throw errors.conflict('The case is closed; reopen it first.');
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'learned',
      actorId,
      data: { learned: input.learned, initiatedBy: input.initiatedBy },
    });
  });
}

/** Engage → Process → Follow up, one step forward or back (a thank-you loop may skip ahead). */
export function stageMoveAllowed(kind: CaseKind, from: OpenStage, to: OpenStage): boolean {
  const step = OPEN_STAGES.indexOf(to) - OPEN_STAGES.indexOf(from);
  return step === 1 || step === -1 || (kind === 'thank_you' && step > 0);
}

export async function moveCaseStage(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  input: StageInput,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    const current = await requireCase(db, workspaceId, caseId);
    if (current.stage === 'closed') throw errors.conflict('The case is closed; reopen it first.');
    if (input.from && input.from !== current.stage)
      throw errors.conflict(`The case moved to ${current.stage} meanwhile.`, [
        { path: 'from', message: `is ${current.stage} now` },
      ]);
    if (!stageMoveAllowed(current.kind, current.stage, input.to))
      throw errors.invalid(
        `A case moves one stage at a time, not ${current.stage} → ${input.to}.`,
        [{ path: 'to', message: 'is not next to the current stage' }],
      );
    const dueAt = await dueAtFor(
      db,
      workspaceId,
      { deadlines: current.deadlines as StageDeadlines, teamId: current.teamId },
      input.to,
      now,
    );
    const moved = await kernel.moveStage(db, workspaceId, caseId, {
      from: current.stage,
      to: input.to,
      dueAt,
      at: now,
    });
    if (!moved) throw errors.conflict('The case moved meanwhile; reload it.');
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'stage_changed',
      actorId,
      data: { from: current.stage, to: input.to, dueAt: dueAt?.toISOString() ?? null },
      at: now,
    });
  });
}

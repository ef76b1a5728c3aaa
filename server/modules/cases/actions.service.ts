import type { Db } from '../../db/client.ts';
import type { ActionStatus } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import * as repo from './actions.repository.ts';
import * as changes from './case-changes.repository.ts';
import { sendStaffNotes } from './case-mail.ts';
import { presentAction } from './case-present.ts';
import * as views from './case-views.repository.ts';
import { inTransaction, requireCase, type CaseContext } from './cases.service.ts';
import type { ActionInput, ActionPatch } from './cases.schemas.ts';
import { dueAtFor, type StageDeadlines } from './deadlines.ts';

export async function listActions(
  ctx: Pick<CaseContext, 'db'>,
  workspaceId: string,
  filter: { status?: ActionStatus; limit: number },
) {
  return (await repo.listActions(ctx.db, workspaceId, filter)).map(presentAction);
}

async function requireAction(db: Db, workspaceId: string, actionId: string) {
  const found = await repo.findAction(db, workspaceId, actionId);
  if (!found) throw errors.notFound('action', actionId);
  return presentAction(found);
}

async function checkTheme(db: Db, workspaceId: string, themeId: string | null | undefined) {
  if (themeId && (await views.themeName(db, workspaceId, themeId)) === null)
    throw errors.invalid('No such theme.', [{ path: 'themeId', message: 'does not exist' }]);
}

export async function createAction(
  ctx: CaseContext,
  workspaceId: string,
  input: ActionInput,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    await checkTheme(db, workspaceId, input.themeId);
    const id = await repo.insertAction(db, workspaceId, { ...input, createdBy: actorId, at: now });
    return requireAction(db, workspaceId, id);
  });
}

/** Updates an action; when it becomes `shipped`, its cases go back to their owners (once). */
export async function updateAction(
  ctx: CaseContext,
  workspaceId: string,
  actionId: string,
  patch: ActionPatch,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    await checkTheme(db, workspaceId, patch.themeId);
    const previous = await repo.updateAction(db, workspaceId, actionId, patch, now);
    if (previous === undefined) throw errors.notFound('action', actionId);
    if (patch.status === 'shipped')
      await handBackShipped(ctx, db, workspaceId, actionId, actorId, now);
    return requireAction(db, workspaceId, actionId);
  });
}

/**
 * The action shipped: each linked case not yet told gets an `action_shipped` event and its owner
 * an email to tell the customer; a closed case reopens into Follow up so it is back in its owner's
 * queue. `case_actions.notified_at` makes this happen once per case, however often it runs.
 */
export async function handBackShipped(
  ctx: CaseContext,
  db: Db,
  workspaceId: string,
  actionId: string,
  actorId: string | null,
  now: Date,
) {
  const action = await repo.findAction(db, workspaceId, actionId);
  if (!action || action.status !== 'shipped') return 0;
  const claimed = await repo.claimShippedLinks(db, workspaceId, actionId, now);
  for (const link of claimed) {
    let reopened = false;
    if (link.stage === 'closed') {
      const current = await requireCase(db, workspaceId, link.caseId);
      const dueAt = await dueAtFor(
        db,
        workspaceId,
        { deadlines: current.deadlines as StageDeadlines, teamId: current.teamId },
        'follow_up',
        now,
      );
      const result = await changes.reopenCase(db, workspaceId, link.caseId, {
        stage: 'follow_up',
        dueAt,
        at: now,
      });
      reopened = result.reopened;
      if (reopened)
        await changes.insertEvent(db, workspaceId, {
          caseId: link.caseId,
          type: 'reopened',
          actorId,
          data: { reason: `Action shipped: ${action.title}`, to: 'follow_up', actionId },
          at: now,
        });
    }
    await changes.insertEvent(db, workspaceId, {
      caseId: link.caseId,
      type: 'action_shipped',
      actorId,
      data: { actionId, title: action.title, reopened },
      at: now,
    });
  }
  await sendStaffNotes(
    ctx,
    workspaceId,
    claimed.flatMap((link) =>
      link.ownerEmail
        ? [
            {
              dedupKey: `action-shipped:${actionId}:${link.caseId}`,
              to: link.ownerEmail,
              caseId: link.caseId,
              caseNumber: link.number,
              subject: `Shipped: ${action.title} — tell the customer of case #${link.number}`,
              lines: [
                `Hello ${link.ownerName ?? ''},`.trim(),
                `"${action.title}" has shipped. Case #${link.number} (${link.title}) is linked to it: tell the customer what was done.`,
              ],
            },
          ]
        : [],
    ),
    db,
  );
  return claimed.length;
}

export async function deleteAction(ctx: CaseContext, workspaceId: string, actionId: string) {
  if (!(await repo.deleteAction(ctx.db, workspaceId, actionId)))
    throw errors.notFound('action', actionId);
}

export async function linkAction(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  actionId: string,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    await requireCase(db, workspaceId, caseId);
    const action = await requireAction(db, workspaceId, actionId);
    const linked = await repo.linkActions(db, workspaceId, caseId, [actionId]);
    if (linked.length === 0) return false;
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'action_linked',
      actorId,
      data: { actionId, title: action.title },
      at: now,
    });
    return true;
  });
}

export async function unlinkAction(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  actionId: string,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    await requireCase(db, workspaceId, caseId);
    const action = await requireAction(db, workspaceId, actionId);
    if (!(await repo.unlinkAction(db, workspaceId, caseId, actionId)))
      throw errors.notFound('link to action', actionId);
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'action_unlinked',
      actorId,
      data: { actionId, title: action.title },
      at: now,
    });
  });
}

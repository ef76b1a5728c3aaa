import { errors } from '../../errors.ts';
import * as actionsRepo from './actions.repository.ts';
import * as changes from './case-changes.repository.ts';
import * as views from './case-views.repository.ts';
import { inTransaction, requireCase, type CaseContext } from './cases.service.ts';
import type { CloseInput } from './cases.schemas.ts';
import { dueAtFor, type StageDeadlines } from './deadlines.ts';

/**
 * Closes a case. The root cause (a theme) is required unless it is a thank-you loop, so fixes can
 * be counted per theme; so is the action taken: a sentence, or actions linked (now or before).
 */
export async function closeCase(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  input: CloseInput,
  actorId: string | null,
  now: Date,
) {
  return inTransaction(ctx, async (db) => {
    const current = await requireCase(db, workspaceId, caseId);
    if (current.stage === 'closed') throw errors.conflict('The case is already closed.');
    const problems: { path: string; message: string }[] = [];
    const thankYou = current.kind === 'thank_you';
    if (input.rootCauseThemeId) {
      if ((await views.themeName(db, workspaceId, input.rootCauseThemeId)) === null)
        problems.push({ path: 'rootCauseThemeId', message: 'no such theme' });
    } else if (!thankYou) problems.push({ path: 'rootCauseThemeId', message: 'is required' });
    const actionIds = [...new Set(input.actionIds)];
    const found = await actionsRepo.findActions(db, workspaceId, actionIds);
    if (found.length < actionIds.length)
      problems.push({ path: 'actionIds', message: 'names an action that does not exist' });
    const alreadyLinked = await actionsRepo.countLinkedActions(db, workspaceId, caseId);
    if (!thankYou && !input.actionTaken && actionIds.length === 0 && alreadyLinked === 0)
      problems.push({ path: 'actionTaken', message: 'say what was done, or link an action' });
    if (problems.length > 0) throw errors.invalid('The case cannot be closed yet.', problems);

    const linked = await actionsRepo.linkActions(db, workspaceId, caseId, actionIds);
    const closed = await changes.closeCase(db, workspaceId, caseId, {
      outcome: input.outcome,
      rootCauseThemeId: input.rootCauseThemeId ?? null,
      resolution: input.actionTaken,
      at: now,
    });
    if (!closed) throw errors.conflict('The case was closed meanwhile.');
    for (const action of found.filter((a) => linked.includes(a.id)))
      await changes.insertEvent(db, workspaceId, {
        caseId,
        type: 'action_linked',
        actorId,
        data: { actionId: action.id, title: action.title },
        at: now,
      });
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'closed',
      actorId,
      data: {
        outcome: input.outcome,
        rootCauseThemeId: input.rootCauseThemeId ?? null,
        resolution: input.actionTaken,
        actionIds,
        from: current.stage,
      },
      at: now,
    });
  });
}

/** Reopens a closed case into Engage (or `stage`), with the reason on the timeline. */
export async function reopenCase(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  reason: string,
  actorId: string | null,
  now: Date,
  stage: 'engage' | 'follow_up' = 'engage',
) {
  return inTransaction(ctx, async (db) => {
    const current = await requireCase(db, workspaceId, caseId);
    if (current.stage !== 'closed') throw errors.conflict('The case is not closed.');
    const dueAt = await dueAtFor(
      db,
      workspaceId,
      { deadlines: current.deadlines as StageDeadlines, teamId: current.teamId },
      stage,
      now,
    );
    const result = await changes.reopenCase(db, workspaceId, caseId, { stage, dueAt, at: now });
    if (result.clash !== null)
      throw errors.conflict(
        `This customer already has an open case (#${result.clash}); continue there.`,
      );
    if (!result.reopened) throw errors.conflict('The case was reopened meanwhile.');
    await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'reopened',
      actorId,
      data: { reason, to: stage, dueAt: dueAt?.toISOString() ?? null, outcome: current.outcome },
      at: now,
    });
  });
}

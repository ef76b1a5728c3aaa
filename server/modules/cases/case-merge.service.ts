import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/schema/index.ts';
import * as changes from './case-changes.repository.ts';
import * as kernel from './cases.repository.ts';

/**
 * Contacts merge: the source contact's cases move to the target, inside the caller's transaction
 * and before the source contact is deleted. Closed cases simply change contact. An open case that
 * would clash with the target's open case of the same kind (one open case per contact and kind)
 * gives its feedback to that case and closes as resolved, "Merged into case #N", with events on
 * both. Returns how many cases moved and how many were folded into another.
 */
export async function moveCasesOfContact(
  db: Db,
  workspaceId: string,
  sourceId: string,
  targetId: string,
  actorId: string | null,
  now: Date,
): Promise<{ moved: number; merged: number }> {
  const cases = await changes.casesOfContact(db, workspaceId, sourceId);
  let merged = 0;
  for (const source of cases) {
    if (source.stage !== 'closed') {
      const [into] = await kernel.findOpenCasesForContacts(
        db,
        workspaceId,
        source.kind as CaseKind,
        [targetId],
      );
      if (into) {
        await foldInto(db, workspaceId, source, into.id, actorId, now);
        merged += 1;
      }
    }
    await changes.setContact(db, workspaceId, source.id, targetId);
  }
  return { moved: cases.length, merged };
}

async function foldInto(
  db: Db,
  workspaceId: string,
  source: { id: string; number: number; stage: string },
  intoId: string,
  actorId: string | null,
  now: Date,
) {
  const into = (await kernel.findCase(db, workspaceId, intoId))!;
  const feedbackIds = await changes.moveFeedback(db, workspaceId, source.id, intoId);
  const resolution = `Merged into case #${into.number}`;
  await changes.closeCase(db, workspaceId, source.id, {
    outcome: 'resolved',
    rootCauseThemeId: null,
    resolution,
    at: now,
  });
  await kernel.insertEvents(db, workspaceId, [
    {
      caseId: source.id,
      type: 'closed',
      actorId,
      data: {
        outcome: 'resolved',
        rootCauseThemeId: null,
        resolution,
        mergedInto: intoId,
        from: source.stage,
      },
      at: now,
    },
    {
      caseId: intoId,
      type: 'merged',
      actorId,
      data: { fromCaseId: source.id, fromNumber: source.number, feedbackIds },
      at: now,
    },
    ...feedbackIds.map((feedbackId) => ({
      caseId: intoId,
      type: 'feedback_added' as const,
      actorId,
      data: { feedbackId, merged: true, fromCaseId: source.id },
      at: now,
    })),
  ]);
}

import type { Db } from '../../db/client.ts';
import { insertEvents } from '../cases/cases.repository.ts';
import type { MailContext } from '../outbox/outbox.service.ts';
import { inviteOnBehalf } from '../surveys/invitations.service.ts';
import { isDetractor } from './detractors.ts';
import * as repo from './replies.repository.ts';
import * as winbacks from './winback.repository.ts';

const BATCH = 200;

/**
 * Win-back, step one: each closed detractor case whose delay is over gets the survey their
 * feedback came from (or the newest NPS survey) through the surveys invitation service, purpose
 * `follow_up` (the outbox's consent gate applies), and a `winback_sent` event. With no survey or
 * no email address the case is skipped with a `winback_sent` event saying why, so it is not
 * tried again. Each case in its own transaction; safe to run twice (the invitation's event key
 * and the event make a second run a no-op).
 */
export async function sendDueWinbacks(ctx: MailContext, now: Date) {
  const due = await winbacks.dueWinbacks(ctx.db, now, BATCH);
  let sent = 0;
  for (const target of due) {
    await ctx.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      if (!(await winbacks.lockUnsentWinback(db, target.workspaceId, target.caseId))) return;
      const data = await inviteOne(ctx, db, target);
      if ('invitationId' in data) sent++;
      await insertEvents(db, target.workspaceId, [
        { caseId: target.caseId, type: 'winback_sent', actorId: null, at: now, data },
      ]);
    });
  }
  return { due: due.length, sent };
}

async function inviteOne(
  ctx: MailContext,
  db: Db,
  target: winbacks.DueWinback,
): Promise<Record<string, unknown>> {
  const contact = target.contactId
    ? await repo.findContact(db, target.workspaceId, target.contactId)
    : undefined;
  if (!contact?.email) return { skipped: 'no_email' };
  const surveyId = await winbacks.winbackSurvey(db, target.workspaceId, target.caseId);
  if (!surveyId) return { skipped: 'no_survey' };
  const invited = await inviteOnBehalf(
    ctx,
    target.workspaceId,
    {
      surveyId,
      contactId: contact.id,
      email: contact.email,
      name: contact.name,
      eventKey: `case-winback:${target.caseId}`,
      purpose: 'follow_up',
      caseId: target.caseId,
    },
    db,
  );
  if (!invited) return { skipped: 'already_invited', surveyId };
  return { invitationId: invited.invitationId, surveyId, outboxId: invited.outboxId };
}

/**
 * Win-back, step two: when the win-back invitation is answered, the case records the score after
 * (`score_after` event). A closed case whose new score is no longer a detractor's (a passive or a
 * promoter) is upgraded to the outcome `won_back`.
 */
export async function recordWinbackScores(db: Db, now: Date) {
  const answers = await winbacks.answeredWinbacks(db, BATCH);
  let recorded = 0;
  for (const answer of answers) {
    await db.transaction(async (tx) => {
      const inTx = tx as unknown as Db;
      const wonBack = !isDetractor(answer.scoreType, answer.score);
      const updated = await winbacks.setScoreAfter(
        inTx,
        answer.workspaceId,
        answer.caseId,
        answer.score,
        wonBack,
      );
      if (!updated) return;
      recorded++;
      await insertEvents(inTx, answer.workspaceId, [
        {
          caseId: answer.caseId,
          type: 'score_after',
          actorId: null,
          at: now,
          data: {
            scoreBefore: answer.scoreBefore,
            scoreAfter: answer.score,
            scoreType: answer.scoreType,
            feedbackId: answer.feedbackId,
            invitationId: answer.invitationId,
            outcome: updated.outcome,
          },
        },
      ]);
    });
  }
  return { recorded };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { findCase } from '../cases/cases.repository.ts';
import { createSampleSurvey } from '../surveys/survey.fixture.ts';
import { createTestCase } from './replies.fixture.ts';
import { caseEvents, closeCase, outboxOfCase } from './replies.test-helper.ts';
import { recordWinbackScores, sendDueWinbacks } from './winback.service.ts';

describeEachEngine('win-back', ({ ctx }) => {
  const closedAt = new Date('2026-11-01T12:00:00Z');
  const day = 86_400_000;

  async function answerInvitation(workspaceId: string, invitationId: string, score: number) {
    const [invitation] = await queryRows<{ surveyId: string; contactId: string }>(
      ctx().db,
      sql`SELECT survey_id AS "surveyId", contact_id AS "contactId" FROM survey_invitations
          WHERE workspace_id = ${workspaceId} AND id = ${invitationId}`,
    );
    const [response] = await queryRows<{ id: string }>(
      ctx().db,
      sql`INSERT INTO survey_responses (workspace_id, survey_id, token, invitation_id, contact_id, language, state)
          VALUES (${workspaceId}, ${invitation!.surveyId}, ${randomUUID()}, ${invitationId},
            ${invitation!.contactId}, 'en', 'complete') RETURNING id`,
    );
    const [item] = await queryRows<{ id: string }>(
      ctx().db,
      sql`INSERT INTO feedback (workspace_id, channel, contact_id, score_type, score, text, group_key, group_revision, metadata)
          VALUES (${workspaceId}, 'survey', ${invitation!.contactId}, 'nps', ${score}, 'Better now',
            ${`survey-response:${response!.id}`}, 1, ${JSON.stringify({ invitationId })}::jsonb)
          RETURNING id`,
    );
    return item!.id;
  }

  it('asks a closed detractor again after the delay, once, and records the score after', async () => {
    const ws = await createTestWorkspace(ctx());
    const survey = await createSampleSurvey(ctx(), ws.id);
    const target = await createTestCase(ctx(), ws.id);
    const passive = await createTestCase(ctx(), ws.id, { scoreBefore: 8 });
    await closeCase(ctx(), ws.id, target.caseId, closedAt);
    await closeCase(ctx(), ws.id, passive.caseId, closedAt);

    // Six days after closing: too early (default delay seven days).
    await sendDueWinbacks(ctx(), new Date(closedAt.getTime() + 6 * day));
    expect((await caseEvents(ctx(), ws.id, target.caseId)).map((e) => e.type)).not.toContain(
      'winback_sent',
    );
    const later = new Date(closedAt.getTime() + 8 * day);
    await sendDueWinbacks(ctx(), later);
    await sendDueWinbacks(ctx(), later);
    const sent = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'winback_sent',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ surveyId: survey.id });
    const invitationId = sent[0]!.data['invitationId'] as string;
    const [message] = await outboxOfCase(ctx(), ws.id, target.caseId);
    expect(message).toMatchObject({ purpose: 'follow_up', contactId: target.contactId });
    expect(message!.html).toContain('?i=');
    // Not a detractor: no win-back.
    expect(await outboxOfCase(ctx(), ws.id, passive.caseId)).toEqual([]);

    expect(await recordWinbackScores(ctx().db, later)).toEqual({ recorded: 0 });
    const feedbackId = await answerInvitation(ws.id, invitationId, 9);
    await recordWinbackScores(ctx().db, later);
    await recordWinbackScores(ctx().db, later);
    expect(await findCase(ctx().db, ws.id, target.caseId)).toMatchObject({
      scoreBefore: 3,
      scoreAfter: 9,
      outcome: 'won_back',
    });
    const scored = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'score_after',
    );
    expect(scored).toHaveLength(1);
    expect(scored[0]!.data).toMatchObject({ scoreBefore: 3, scoreAfter: 9, feedbackId });
  });

  it('keeps the outcome when the new score is still a detractor’s', async () => {
    const ws = await createTestWorkspace(ctx());
    await createSampleSurvey(ctx(), ws.id);
    const target = await createTestCase(ctx(), ws.id);
    await closeCase(ctx(), ws.id, target.caseId, closedAt, 'not_resolved');
    await sendDueWinbacks(ctx(), new Date(closedAt.getTime() + 8 * day));
    const [sent] = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'winback_sent',
    );
    await answerInvitation(ws.id, sent!.data['invitationId'] as string, 4);
    await recordWinbackScores(ctx().db, new Date());
    expect(await findCase(ctx().db, ws.id, target.caseId)).toMatchObject({
      scoreAfter: 4,
      outcome: 'not_resolved',
    });
  });

  it('honours a rule’s win-back delay and skips, with an event, when there is no survey', async () => {
    const ws = await createTestWorkspace(ctx());
    const target = await createTestCase(ctx(), ws.id);
    await ctx().db.execute(
      sql`UPDATE cases SET deadlines = '{"winback":{"hours":24}}'::jsonb
          WHERE workspace_id = ${ws.id} AND id = ${target.caseId}`,
    );
    await closeCase(ctx(), ws.id, target.caseId, closedAt);
    await sendDueWinbacks(ctx(), new Date(closedAt.getTime() + 2 * day));
    await sendDueWinbacks(ctx(), new Date(closedAt.getTime() + 3 * day));
    const sent = (await caseEvents(ctx(), ws.id, target.caseId)).filter(
      (e) => e.type === 'winback_sent',
    );
    expect(sent.map((e) => e.data)).toEqual([{ skipped: 'no_survey' }]);
    expect(await outboxOfCase(ctx(), ws.id, target.caseId)).toEqual([]);
  });
});

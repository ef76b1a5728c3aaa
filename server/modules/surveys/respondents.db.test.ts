import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestContact, createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { eraseContactData, mergeContact } from '../contacts/contacts.service.ts';
import { sampleSurveyInput } from './survey.fixture.ts';
import { createSurvey } from './surveys.service.ts';

describeEachEngine('survey respondents and contact merge / erasure', ({ ctx }) => {
  async function answered(workspaceId: string, surveyId: string, contactId: string) {
    const invitationId = randomUUID();
    await ctx().db.execute(
      sql`INSERT INTO survey_invitations (workspace_id, id, survey_id, contact_id, email, name, token, source)
          VALUES (${workspaceId}, ${invitationId}, ${surveyId}, ${contactId}, 'ada@example.org', 'Ada',
            ${randomUUID()}, 'manual')`,
    );
    await ctx().db.execute(
      sql`INSERT INTO survey_responses (workspace_id, survey_id, token, invitation_id, contact_id, language, answers)
          VALUES (${workspaceId}, ${surveyId}, ${randomUUID()}, ${invitationId}, ${contactId}, 'en',
            '{"nps": 3, "wrong": "Call me on 555-0100"}'::jsonb)`,
    );
  }

  const held = (workspaceId: string) =>
    queryRows<{ table: string; contactId: string | null; answers: unknown }>(
      ctx().db,
      sql`SELECT 'invitation' AS "table", contact_id AS "contactId", NULL::jsonb AS answers
            FROM survey_invitations WHERE workspace_id = ${workspaceId}
          UNION ALL
          SELECT 'response', contact_id, answers FROM survey_responses WHERE workspace_id = ${workspaceId}
          ORDER BY 1`,
    );

  it('moves a merged contact’s invitations and answers to the contact kept', async () => {
    const workspace = await createTestWorkspace(ctx());
    const survey = await createSurvey(ctx(), workspace.id, sampleSurveyInput());
    const [duplicate, kept] = [
      await createTestContact(ctx(), workspace.id),
      await createTestContact(ctx(), workspace.id),
    ];
    await answered(workspace.id, survey.id, duplicate);
    await mergeContact(ctx(), workspace.id, duplicate, kept, SYSTEM_ACTOR);
    expect((await held(workspace.id)).map((row) => row.contactId)).toEqual([kept, kept]);
  });

  it('erases a contact’s answers and invitations with the rest of their data', async () => {
    const workspace = await createTestWorkspace(ctx());
    const survey = await createSurvey(ctx(), workspace.id, sampleSurveyInput());
    const contact = await createTestContact(ctx(), workspace.id);
    await answered(workspace.id, survey.id, contact);
    await ctx().db.execute(
      sql`UPDATE feedback SET metadata = '{"subject": "About my order"}'::jsonb
          WHERE workspace_id = ${workspace.id} AND contact_id = ${contact}`,
    );
    await eraseContactData(ctx(), workspace.id, contact, SYSTEM_ACTOR);
    expect(await held(workspace.id)).toEqual([{ table: 'response', contactId: null, answers: {} }]);
    const feedback = await queryRows<{ text: string; metadata: unknown }>(
      ctx().db,
      sql`SELECT text, metadata FROM feedback WHERE workspace_id = ${workspace.id}`,
    );
    expect(feedback).toEqual([
      { text: '', metadata: {} },
      { text: '', metadata: {} },
    ]);
  });
});

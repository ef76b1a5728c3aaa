import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { createTestContact } from '../../test/fixtures.ts';
import { insertCases } from '../cases/cases.repository.ts';
import { insertSnippet } from './snippets.repository.ts';

/**
 * A detractor's case (NPS 3) for a fresh contact with an email address, gathering the contact's
 * two feedback items from `createTestContact`.
 */
export async function createTestCase(
  ctx: AppContext,
  workspaceId: string,
  options: { contactId?: string; scoreBefore?: number | null } = {},
) {
  const contactId = options.contactId ?? (await createTestContact(ctx, workspaceId));
  const items = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}
          AND NOT EXISTS (SELECT 1 FROM case_feedback cf WHERE cf.workspace_id = feedback.workspace_id
            AND cf.feedback_id = feedback.id)`,
  );
  const [opened] = await insertCases(ctx.db, workspaceId, [
    {
      kind: 'case',
      title: 'Detractor',
      contactId,
      accountId: null,
      ownerId: null,
      teamId: null,
      ruleId: null,
      dueAt: null,
      deadlines: {},
      scoreType: 'nps',
      scoreBefore: options.scoreBefore === undefined ? 3 : options.scoreBefore,
      feedbackIds: items.map((item) => item.id),
      actorId: null,
    },
  ]);
  if (!opened) throw new Error('the test case was not opened');
  return { caseId: opened.id, contactId };
}

export async function createTestSnippet(ctx: Pick<AppContext, 'db'>, workspaceId: string) {
  return insertSnippet(ctx.db, workspaceId, {
    name: 'Sorry for the wait',
    body: 'Hi {{first_name}}, thank you for telling us. We are sorry for the wait and our team is looking into it today.',
    createdBy: null,
  });
}

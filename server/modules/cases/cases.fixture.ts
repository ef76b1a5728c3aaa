import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { createTestContact } from '../../test/fixtures.ts';
import * as kernel from './cases.repository.ts';

export const SAMPLE_DEADLINES = {
  engage: { hours: 8, businessHours: false },
  process: { hours: 48, businessHours: false },
  follow_up: { hours: 24, businessHours: false },
};

/**
 * A customer with two feedback items and an open case holding the first (the second is free to
 * be added). Deadlines count every hour, so due times are easy to check.
 */
export async function createSampleCase(
  ctx: AppContext,
  workspaceId: string,
  options: { kind?: 'case' | 'thank_you'; ownerId?: string | null; at?: Date } = {},
) {
  const contactId = await createTestContact(ctx, workspaceId);
  const items = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}
        ORDER BY text`,
  );
  const feedbackIds = items.map((item) => item.id);
  const [opened] = await kernel.insertCases(ctx.db, workspaceId, [
    {
      kind: options.kind ?? 'case',
      title: 'TPS reports broke again',
      contactId,
      accountId: null,
      ownerId: options.ownerId ?? null,
      teamId: null,
      ruleId: null,
      dueAt: new Date((options.at ?? new Date()).getTime() + 8 * 3_600_000),
      deadlines: SAMPLE_DEADLINES,
      scoreType: 'nps',
      scoreBefore: 3,
      feedbackIds: [feedbackIds[0]!],
      actorId: null,
    },
  ]);
  return { caseId: opened!.id, number: opened!.number, contactId, feedbackIds };
}

export async function createSampleAction(ctx: AppContext, workspaceId: string, title = 'Fix TPS') {
  const [row] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO actions (workspace_id, title) VALUES (${workspaceId}, ${title}) RETURNING id`,
  );
  return row!.id;
}

/** A sample case already closed (for reopening). */
export async function createClosedCase(ctx: AppContext, workspaceId: string) {
  const sample = await createSampleCase(ctx, workspaceId);
  await ctx.db.execute(
    sql`UPDATE cases SET stage = 'closed', outcome = 'resolved', closed_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${sample.caseId}`,
  );
  return sample;
}

/** A sample case linked to a sample action. */
export async function createLinkedAction(ctx: AppContext, workspaceId: string) {
  const sample = await createSampleCase(ctx, workspaceId);
  const actionId = await createSampleAction(ctx, workspaceId);
  await ctx.db.execute(
    sql`INSERT INTO case_actions (workspace_id, case_id, action_id)
        VALUES (${workspaceId}, ${sample.caseId}, ${actionId})`,
  );
  return { ...sample, actionId };
}

import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { feedback } from '../../db/schema/index.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import {
  createEntity,
  createPerson,
  createTeam,
} from '../staff-directory/staff-directory.service.ts';
import { analyseFeedback } from './analysis.service.ts';

/** A feedback item stored directly (no ingest), optionally analysed at once. */
export async function createTestFeedback(
  ctx: AppContext,
  workspaceId: string,
  text = 'The new invoices page is slow and confusing.',
  options: { analyse?: boolean; contactId?: string; receivedAt?: Date } = {},
): Promise<string> {
  const [row] = await ctx.db
    .insert(feedback)
    .values({
      workspaceId,
      channel: 'api',
      text,
      contactId: options.contactId ?? null,
      receivedAt: options.receivedAt ?? new Date(),
    })
    .returning({ id: feedback.id });
  if (options.analyse ?? true) {
    const outcome = await analyseFeedback(ctx.db, workspaceId, [row!.id], ctx.log);
    if (outcome.failures.length > 0) throw new Error(outcome.failures[0]!.error);
  }
  return row!.id;
}

export async function createTestTeam(ctx: AppContext, workspaceId: string) {
  return (
    await createTeam(
      ctx,
      workspaceId,
      { name: `Team ${randomUUID().slice(0, 6)}`, aliases: [], leadEmail: null },
      SYSTEM_ACTOR,
    )
  ).id;
}

export async function createTestPerson(ctx: AppContext, workspaceId: string) {
  return (
    await createPerson(
      ctx,
      workspaceId,
      { name: 'Samantha Reed', nicknames: ['Sam'], teamId: null, email: null, userId: null },
      SYSTEM_ACTOR,
    )
  ).id;
}

export async function createTestEntity(ctx: AppContext, workspaceId: string) {
  return (
    await createEntity(
      ctx,
      workspaceId,
      { kind: 'feature', name: 'Exports', aliases: ['CSV export'] },
      SYSTEM_ACTOR,
    )
  ).id;
}

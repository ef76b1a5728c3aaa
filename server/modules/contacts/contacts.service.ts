import type { AppContext } from '../../context.ts';
import { moveCasesOfContact } from '../cases/case-merge.service.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './contacts.repository.ts';
import { eraseEmailsOfContact } from '../email-in/email-in.service.ts';
import { eraseRespondent, moveRespondent } from '../surveys/surveys.service.ts';
import { eraseAnalysisOfContact } from '../feedback-analysis/feedback-analysis.service.ts';

async function requireContact(db: Db, workspaceId: string, contactId: string) {
  const contact = await repo.findContact(db, workspaceId, contactId);
  if (!contact) throw errors.notFound('contact', contactId);
  return contact;
}

/** Everything Hearken holds about one customer, for a subject access request. Audited. */
export async function exportContactData(
  ctx: AppContext,
  workspaceId: string,
  contactId: string,
  actor: Actor,
) {
  const contact = await requireContact(ctx.db, workspaceId, contactId);
  const feedback = await repo.listContactFeedback(ctx.db, workspaceId, contactId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'data.exported',
    { type: 'contact', id: contactId },
    {
      scope: 'contact',
      feedback: feedback.length,
    },
  );
  return { exportedAt: new Date(), contact, feedback };
}

/** Merges a duplicate contact into another; recorded in the audit log with both ids. */
export async function mergeContact(
  ctx: AppContext,
  workspaceId: string,
  sourceId: string,
  targetId: string,
  actor: Actor,
) {
  if (sourceId === targetId) {
    throw errors.invalid('A contact cannot be merged into itself.', [
      { path: 'body.intoContactId', message: 'is the same contact' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await requireContact(db, workspaceId, sourceId);
    await requireContact(db, workspaceId, targetId);
    await moveRespondent(db, workspaceId, sourceId, targetId);
    await moveCasesOfContact(db, workspaceId, sourceId, targetId, actor.userId, new Date());
    const movedFeedback = await repo.mergeContacts(db, workspaceId, sourceId, targetId);
    await recordAudit(
      db,
      workspaceId,
      actor,
      'contact.merged',
      { type: 'contact', id: targetId },
      { mergedContactId: sourceId, movedFeedback },
    );
    return { contact: await requireContact(db, workspaceId, targetId), movedFeedback };
  });
}

/**
 * Erases a customer: their contact record, emails and survey answers go; their feedback keeps only
 * its score, channel and time (text and channel details are blanked).
 */
export async function eraseContactData(
  ctx: AppContext,
  workspaceId: string,
  contactId: string,
  actor: Actor,
) {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await requireContact(db, workspaceId, contactId);
    await eraseEmailsOfContact({ db }, workspaceId, contactId);
    await eraseRespondent(db, workspaceId, contactId);
    // Before the feedback loses its link to the contact, which is how its analysis is found.
    await eraseAnalysisOfContact(db, workspaceId, contactId);
    const anonymisedFeedback = await repo.eraseContact(db, workspaceId, contactId);
    // The audit entry names the id only: recording who was erased would defeat the erasure.
    await recordAudit(
      db,
      workspaceId,
      actor,
      'data.erased',
      { type: 'contact', id: contactId },
      { anonymisedFeedback },
    );
    return { anonymisedFeedback };
  });
}

/** Sets an account's owner (a workspace member; rules may give them its cases) or tier. */
export async function updateAccount(
  ctx: AppContext,
  workspaceId: string,
  accountId: string,
  patch: {
    ownerId?: string | null | undefined;
    tier?: 'strategic' | 'standard' | 'small' | undefined;
  },
  actor: Actor,
) {
  if (!(await repo.accountExists(ctx.db, workspaceId, accountId)))
    throw errors.notFound('account', accountId);
  if (patch.ownerId && !(await repo.isWorkspaceMember(ctx.db, workspaceId, patch.ownerId)))
    throw errors.invalid('The owner must be a member of this workspace.', [
      { path: 'body.ownerId', message: 'is not a member of this workspace' },
    ]);
  const row = await repo.updateAccount(ctx.db, workspaceId, accountId, patch);
  if (!row) throw errors.notFound('account', accountId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'account.updated',
    { type: 'account', id: accountId },
    {
      fields: Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined),
    },
  );
  return row;
}

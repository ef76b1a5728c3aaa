import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/schema/index.ts';
import {
  attachFeedback,
  findCase,
  findOpenCasesForContacts,
  insertEvents,
  moveStage,
} from '../cases/cases.repository.ts';
import type { NewCaseEvent } from '../cases/case-events.ts';
import { dueAtFor, type StageDeadlines } from '../cases/deadlines.ts';
import * as repo from './replies.repository.ts';

/** A feedback item just normalised, as the normalisation job has it. */
export interface NormalisedForReplies {
  feedbackId: string;
  channel: string;
  metadata?: Record<string, unknown> | undefined;
}

const idsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

/**
 * The customer answered one of our replies: an inbound email whose In-Reply-To or References
 * name a Message-ID Hearken sent from a case joins that case (`reply_received`). A closed case
 * reopens into `follow_up` (`reopened`); when the contact has another open case of the same kind
 * meanwhile, the answer joins that one instead (one open case per contact). Called from the
 * normalisation job inside its transaction, so the case rules that run after analysis find the
 * item already in its case and leave it there. Idempotent: an item already in a case is skipped.
 */
export async function attachInboundReplies(
  db: Db,
  workspaceId: string,
  items: NormalisedForReplies[],
  now: Date = new Date(),
): Promise<Array<{ caseId: string; feedbackId: string; reopened: boolean }>> {
  const emails = items
    .filter((item) => item.channel === 'email' && item.metadata)
    .map((item) => ({
      feedbackId: item.feedbackId,
      parents: [
        ...idsOf(item.metadata!['inReplyTo']),
        ...idsOf(item.metadata!['references']).reverse(),
      ],
    }))
    .filter((item) => item.parents.length > 0);
  if (emails.length === 0) return [];
  const ours = await repo.casesOfMessageIds(db, workspaceId, [
    ...new Set(emails.flatMap((item) => item.parents)),
  ]);
  if (ours.length === 0) return [];
  const caseOf = new Map(ours.map((row) => [row.messageId, row.caseId]));
  const results: Array<{ caseId: string; feedbackId: string; reopened: boolean }> = [];
  for (const email of emails) {
    // The nearest parent first: In-Reply-To, then References from the newest.
    const parent = email.parents.find((id) => caseOf.has(id));
    if (!parent) continue;
    const result = await attachOne(
      db,
      workspaceId,
      caseOf.get(parent)!,
      email.feedbackId,
      parent,
      now,
    );
    if (result) results.push(result);
  }
  return results;
}

async function attachOne(
  db: Db,
  workspaceId: string,
  repliedCaseId: string,
  feedbackId: string,
  messageId: string,
  now: Date,
) {
  const replied = await findCase(db, workspaceId, repliedCaseId);
  if (!replied) return null;
  let caseId = replied.id;
  let reopen = replied.stage === 'closed';
  if (reopen && replied.contactId) {
    const [open] = await findOpenCasesForContacts(db, workspaceId, replied.kind as CaseKind, [
      replied.contactId,
    ]);
    if (open) {
      caseId = open.id;
      reopen = false;
    }
  }
  const [added] = await attachFeedback(db, workspaceId, [{ caseId, feedbackId, merged: false }]);
  if (!added) return null;
  const events: NewCaseEvent[] = [
    {
      caseId,
      type: 'reply_received',
      actorId: null,
      at: now,
      data: { feedbackId, messageId, ...(caseId !== repliedCaseId ? { repliedCaseId } : {}) },
    },
  ];
  if (reopen) {
    const dueAt = await dueAtFor(
      db,
      workspaceId,
      { deadlines: replied.deadlines as StageDeadlines, teamId: replied.teamId },
      'follow_up',
      now,
    );
    reopen = await moveStage(db, workspaceId, caseId, {
      from: 'closed',
      to: 'follow_up',
      dueAt,
      at: now,
    });
    if (reopen) {
      await repo.clearClosure(db, workspaceId, caseId);
      events.push({
        caseId,
        type: 'reopened',
        actorId: null,
        at: now,
        data: {
          reason: 'reply_received',
          feedbackId,
          stage: 'follow_up',
          dueAt: dueAt?.toISOString() ?? null,
        },
      });
    }
  }
  await insertEvents(db, workspaceId, events);
  return { caseId, feedbackId, reopened: reopen };
}

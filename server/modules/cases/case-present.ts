import type { ActionRow } from './actions.repository.ts';
import type { CaseEventRow, CaseFeedbackRow, CaseSummaryRow } from './case-views.repository.ts';

/** Turns repository rows into the API's shapes (ISO times, nested names). */

export const iso = (value: string | Date) => new Date(value).toISOString();
export const isoOrNull = (value: string | Date | null) => (value === null ? null : iso(value));

const named = (id: string | null, name: string | null) =>
  id === null ? null : { id, name: name ?? '' };

export function presentSummary(row: CaseSummaryRow, now: Date) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    stage: row.stage,
    owner: named(row.ownerId, row.ownerName),
    team: named(row.teamId, row.teamName),
    contact: row.contactId === null ? null : { id: row.contactId, name: row.contactName },
    account: named(row.accountId, row.accountName),
    dueAt: isoOrNull(row.dueAt),
    overdue:
      row.stage !== 'closed' && row.dueAt !== null && new Date(row.dueAt).getTime() < now.getTime(),
    outcome: row.outcome,
    scoreType: row.scoreType as 'nps' | 'csat' | 'ces' | null,
    scoreBefore: row.scoreBefore,
    scoreAfter: row.scoreAfter,
    feedbackCount: row.feedbackCount,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    closedAt: isoOrNull(row.closedAt),
  };
}

export function presentFeedback(row: CaseFeedbackRow) {
  return {
    id: row.id,
    channel: row.channel as 'survey',
    text: row.text,
    scoreType: row.scoreType as 'nps' | 'csat' | 'ces' | null,
    score: row.score,
    sentimentLabel: row.sentimentLabel as 'negative' | null,
    receivedAt: iso(row.receivedAt),
  };
}

export function presentEvent(row: CaseEventRow) {
  return {
    id: Number(row.id),
    type: row.type,
    actor: named(row.actorId, row.actorName),
    data: row.data,
    at: iso(row.at),
  };
}

export function presentAction(row: ActionRow) {
  return {
    ...row,
    shippedAt: isoOrNull(row.shippedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/**
 * The vocabulary of the case timeline. Every change to a case writes one event of these types,
 * with who did it (`actorId`, null for Hearken itself) and what changed (`data`).
 */
export const CASE_EVENT_TYPES = [
  /** data: { ruleId, ruleName } — opened by a rule, or by hand when ruleId is null. */
  'opened',
  /** data: { feedbackId, merged: boolean } — an item joined the case (merging into an open case). */
  'feedback_added',
  /** data: { ownerId, teamId, previousOwnerId, strategy } */
  'assigned',
  /** data: { from, to, dueAt } */
  'stage_changed',
  /** data: { learned, initiatedBy } — Engage: what was learned and who initiated the feedback. */
  'learned',
  /** data: { body, mentions: userId[] } — internal; never shown to the customer. */
  'comment',
  /** data: { messageId, outboxId, stock: boolean, similarity } */
  'reply_sent',
  /** data: { feedbackId, messageId } — the customer's email answer came back into the case. */
  'reply_received',
  /** data: { actionId, title } */
  'action_linked',
  /** data: { actionId, title } — the link was removed. */
  'action_unlinked',
  /** data: { fromCaseId, fromNumber, feedbackIds } — contacts merged: another case was folded in. */
  'merged',
  /** data: { actionId, title } — the linked action shipped; the owner should tell the customer. */
  'action_shipped',
  /** data: { purpose, outboxId } — a follow-up asked for permission to re-contact. */
  'consent_requested',
  /** data: { purpose, granted } */
  'consent_recorded',
  /** data: { stage, dueAt } — the owner was reminded before the deadline. */
  'reminder_sent',
  /** data: { stage, dueAt, leadUserId } — the deadline passed and the team lead was told. */
  'escalated',
  /** data: { destination, teamId } — shared with a team by email, Slack or webhook. */
  'shared',
  /** data: { outcome, rootCauseThemeId, resolution } */
  'closed',
  /** data: { reason } */
  'reopened',
  /** data: { invitationId, surveyId } — the win-back survey went out after closing. */
  'winback_sent',
  /** data: { scoreBefore, scoreAfter, feedbackId } */
  'score_after',
  /** data: { invitationId } — invited to a product review. */
  'review_invited',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  data: Record<string, unknown>;
  /** Defaults to now; tests and deadline jobs with a controllable clock pass their own. */
  at?: Date;
}

import type { ConsentPurpose, MessagePurpose } from '../../db/schema/index.ts';

/**
 * The gate every outgoing message passes when it is written (and again when a held message is
 * looked at later). Pure: everything it needs is loaded beforehand in set-based queries.
 */
export type SuppressionReason = 'bounce' | 'complaint' | 'unsubscribe';

export interface LimitPolicy {
  name: string;
  maxMessages: number;
  windowHours: number;
  minGapHours: number;
}

export interface GateFacts {
  purpose: MessagePurpose;
  /** Why the address is suppressed, if it is. */
  suppression: SuppressionReason | null;
  /** Whether the contact is known (consent and limits need one). */
  hasContact: boolean;
  /** The newest consent decision for the purpose's consent kind; null when none was recorded. */
  consent: boolean | null;
  /** The contact limit policy that applies to the contact, if any. */
  policy: LimitPolicy | null;
  /** When earlier customer messages (replies and staff mail excepted) went or will go to the contact. */
  recent: Date[];
  /** Whether the contact has a case that is not closed. */
  openCase: boolean;
  now: Date;
}

export type Decision =
  | { state: 'send' }
  | { state: 'blocked'; reason: string }
  | { state: 'held'; reason: string; holdUntil: Date | null };

/** The consent a message purpose needs; `reply` and `internal` need none. */
export const CONSENT_FOR: Partial<Record<MessagePurpose, ConsentPurpose>> = {
  survey: 'surveys',
  follow_up: 'follow_up',
  announcement: 'announcements',
  product_review: 'product_reviews',
};

/** Whether a purpose goes to customers and so counts against, and is held by, contact limits. */
export function countsAgainstLimits(purpose: MessagePurpose): boolean {
  return purpose !== 'reply' && purpose !== 'internal';
}

const HOUR = 3_600_000;

export function decideDelivery(facts: GateFacts): Decision {
  const { purpose } = facts;
  if (purpose === 'internal') return { state: 'send' };
  if (facts.suppression) {
    // A reply answers the contact's own feedback: only an undeliverable address stops it.
    if (purpose !== 'reply' || facts.suppression !== 'unsubscribe')
      return { state: 'blocked', reason: `address suppressed (${facts.suppression})` };
  }
  if (purpose === 'reply') return { state: 'send' };
  const consentKind = CONSENT_FOR[purpose]!;
  if (purpose === 'survey') {
    if (facts.consent === false)
      return { state: 'blocked', reason: `consent withdrawn (${consentKind})` };
  } else if (facts.consent !== true) {
    return {
      state: 'blocked',
      reason:
        facts.consent === false
          ? `consent withdrawn (${consentKind})`
          : `no consent (${consentKind})`,
    };
  }
  if (!facts.hasContact) return { state: 'send' };
  if (purpose === 'survey' && facts.openCase)
    return { state: 'held', reason: 'open case', holdUntil: null };
  const until = limitHoldUntil(facts.policy, facts.recent, facts.now);
  if (until)
    return { state: 'held', reason: `contact limit (${facts.policy!.name})`, holdUntil: until };
  return { state: 'send' };
}

/** When the policy next allows a message, or null when it allows one now. */
export function limitHoldUntil(policy: LimitPolicy | null, recent: Date[], now: Date): Date | null {
  if (!policy) return null;
  const nowMs = now.getTime();
  let until = nowMs;
  const times = recent.map((date) => date.getTime()).filter((t) => t <= nowMs);
  if (policy.minGapHours > 0 && times.length > 0) {
    until = Math.max(until, Math.max(...times) + policy.minGapHours * HOUR);
  }
  const windowMs = policy.windowHours * HOUR;
  const inWindow = times.filter((t) => t > nowMs - windowMs).sort((a, b) => a - b);
  const max = Math.max(1, policy.maxMessages);
  if (inWindow.length >= max) {
    // Allowed again once enough of the oldest ones have left the window.
    const leaving = inWindow[inWindow.length - max]!;
    until = Math.max(until, leaving + windowMs);
  }
  return until > nowMs ? new Date(until) : null;
}

/** Whether a policy's segment (`{}`, `{accountTier}`, `{level}`) matches a contact. */
export function segmentMatches(
  segment: Record<string, unknown>,
  contact: { accountTier: string | null; level: string | null },
): boolean {
  return Object.entries(segment).every(([key, value]) => {
    if (key === 'accountTier') return contact.accountTier === value;
    if (key === 'level') return contact.level === value;
    return false;
  });
}

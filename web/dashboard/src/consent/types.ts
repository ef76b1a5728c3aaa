export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'local',
  'held',
  'blocked',
  'bounced',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export const MESSAGE_PURPOSES = [
  'reply',
  'follow_up',
  'survey',
  'announcement',
  'product_review',
  'internal',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  state: OutboxState;
  purpose: MessagePurpose;
  attempts: number;
  lastError: string | null;
  stateReason: string | null;
  holdUntil: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface LimitPolicy {
  id: string;
  name: string;
  position: number;
  segment: { accountTier?: string; level?: string };
  maxMessages: number;
  windowHours: number;
  minGapHours: number;
}

export type PolicyInput = Omit<LimitPolicy, 'id'>;

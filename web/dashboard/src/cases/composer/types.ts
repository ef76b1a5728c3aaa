export type OutboxState =
  'queued' | 'sending' | 'sent' | 'failed' | 'local' | 'held' | 'blocked' | 'bounced';

export interface ComposerItem {
  id: string;
  channel: string;
  text: string;
  subject: string | null;
  scoreType: string | null;
  score: number | null;
  receivedAt: string;
}

export interface PastReply {
  id: string;
  caseId: string | null;
  purpose: string;
  subject: string;
  text: string;
  state: OutboxState;
  stateReason: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Composer {
  case: { id: string; number: number; stage: string; title: string };
  contact: { id: string; name: string | null; email: string | null } | null;
  canEmail: boolean;
  subject: string;
  inReplyTo: string | null;
  quoted: ComposerItem[];
  history: ComposerItem[];
  replies: PastReply[];
  snippets: Array<{ id: string; name: string; body: string }>;
}

export interface StockCheck {
  stock: boolean;
  others: number;
  similarity: number;
  snippet: { id: string; name: string } | null;
}

export interface SentReply {
  id: string;
  messageId: string | null;
  subject: string;
  state: OutboxState;
  stateReason: string | null;
  createdAt: string;
  stock: boolean;
  similarity: number;
  duplicate: boolean;
}

export interface SendInput {
  body: string;
  subject?: string;
  idempotencyKey: string;
  acknowledgeStock?: boolean;
  askConsent?: string[];
}

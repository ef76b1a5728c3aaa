/** Shapes of the HTTP API as the dashboard uses them (see /api/docs for the full contract). */
import type { FeedbackAnalysis, ItemTheme } from './feedback/analysis.ts';

export const ROLES = ['owner', 'admin', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface MeWorkspace {
  id: string;
  name: string;
  role: Role;
  timezone: string;
}

export interface Me {
  user: { id: string; email: string; name: string } | null;
  apiKey: { id: string; name: string; role: Role; workspaceId: string } | null;
  workspaces: MeWorkspace[];
  csrfToken: string | null;
}

export interface ItemList<Item> {
  items: Item[];
}

export interface SetupLink {
  purpose: 'setup' | 'set_password';
  email: string | null;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  hasAccount: boolean;
}

export interface Overview {
  feedbackCount: number;
  contactCount: number;
  accountCount: number;
  touchpointCount: number;
  npsByMonth: NpsMonth[];
  byChannel: { channel: string; count: number }[];
  jobs: { queued: number; running: number; dead: number };
  demoSeeding: boolean;
}

export interface NpsMonth {
  month: string;
  responses: number;
  nps: number;
  ciLow: number;
  ciHigh: number;
}

export const CHANNELS = [
  'survey',
  'widget',
  'email',
  'call',
  'forum',
  'social',
  'feed',
  'import',
  'api',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SCORE_TYPES = ['nps', 'csat', 'ces'] as const;
export type ScoreType = (typeof SCORE_TYPES)[number];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive', 'mixed'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface FeedbackItem {
  id: string;
  channel: Channel;
  scoreType: ScoreType | null;
  score: number | null;
  text: string;
  receivedAt: string;
  contactName: string | null;
  accountName: string | null;
  touchpointName: string | null;
  /** Null until the analysis has run. */
  analysis?: FeedbackAnalysis | null;
  themes?: ItemTheme[];
}

export interface FeedbackPage extends ItemList<FeedbackItem> {
  nextCursor: string | null;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdByName: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  timezone: string;
  createdAt: string;
  role: Role;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage extends ItemList<AuditEntry> {
  nextBefore: number | null;
}

export const JOB_STATES = ['dead', 'queued', 'running', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface Job {
  id: number;
  name: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface JobsPage extends ItemList<Job> {
  counts: Record<JobState, number>;
}

export interface Touchpoint {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

export const POST_KINDS = [
  'api',
  'survey',
  'widget',
  'email',
  'call',
  'feed',
  'forum',
  'import',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

export type PostStatus = 'active' | 'paused' | 'error';

export interface ListeningPost {
  id: string;
  kind: PostKind;
  name: string;
  touchpointId: string | null;
  status: PostStatus;
  lastError: string | null;
  lastReceivedAt: string | null;
  createdAt: string;
  /** What this kind of post is configured with (secrets are never shown). */
  settings?: Record<string, unknown>;
  /** Items received per day over the last 30 days; days without items are left out. */
  volume: { day: string; count: number }[];
}

export interface RawItem {
  id: number;
  postId: string | null;
  channel: Channel;
  dedupKey: string;
  /** Exactly what was received: any JSON value. */
  payload: unknown;
  receivedAt: string;
  state: 'received' | 'processed' | 'dead';
  attempts: number;
  lastError: string | null;
  feedbackId: string | null;
}

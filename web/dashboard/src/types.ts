/** Shapes of the HTTP API as the dashboard uses them (see /api/docs for the full contract). */

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

export type ScoreType = 'nps' | 'csat' | 'ces';

export interface FeedbackItem {
  id: string;
  channel: string;
  scoreType: ScoreType | null;
  score: number | null;
  text: string;
  receivedAt: string;
  contactName: string | null;
  accountName: string | null;
  touchpointName: string | null;
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

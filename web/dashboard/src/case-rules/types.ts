import type { Channel, ScoreType } from '../types.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive' | 'mixed';
export type AccountTier = 'strategic' | 'standard' | 'small';
export type CaseKind = 'case' | 'thank_you';
export type Strategy = 'account_owner' | 'touchpoint_team' | 'round_robin' | 'user' | 'team';
export type Stage = 'engage' | 'process' | 'follow_up';

export type CaseCondition =
  | { type: 'detractor'; scoreType?: ScoreType }
  | { type: 'score_at_most'; scoreType?: ScoreType; value: number }
  | { type: 'positive' }
  | { type: 'sentiment'; labels: SentimentLabel[] }
  | { type: 'account_tier'; tiers: AccountTier[] }
  | { type: 'theme'; themeIds: string[] }
  | { type: 'touchpoint'; ids: string[] }
  | { type: 'channel'; channels: Channel[] }
  | { type: 'keyword'; words: string[] };

export interface Assignment {
  strategy: Strategy;
  userIds?: string[];
  userId?: string | null;
  teamId?: string | null;
  fallbackUserId?: string | null;
  fallbackTeamId?: string | null;
}

export type Deadlines = Partial<Record<Stage, { hours: number; businessHours: boolean }>> & {
  /** Hours after a detractor's case closes before the win-back survey (default 168). */
  winback?: { hours: number };
};

export interface CaseRule {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  kind: CaseKind;
  conditions: CaseCondition[];
  assignment: Assignment;
  deadlines: Deadlines;
  mergeIntoOpen: boolean;
  assignedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseRuleInput {
  name: string;
  enabled: boolean;
  kind: CaseKind;
  conditions: CaseCondition[];
  assignment: Assignment;
  deadlines: Deadlines;
  mergeIntoOpen: boolean;
}

export interface RoutingPreview {
  feedbackId: string;
  rule: { id: string; name: string; kind: CaseKind } | null;
  matched: Array<{ type: string; detail: string }>;
  tried: Array<{ ruleId: string; name: string; enabled: boolean; failed: string | null }>;
  tooOld: boolean;
  caseId: string | null;
}

import type { ScoreType } from '../types.ts';

export type CaseStage = 'engage' | 'process' | 'follow_up' | 'closed';
export type OpenStage = Exclude<CaseStage, 'closed'>;
export type CaseKind = 'case' | 'thank_you';
export type CaseOutcome = 'resolved' | 'won_back' | 'not_resolved' | 'no_response';
export type ActionStatus = 'planned' | 'in_progress' | 'shipped' | 'dropped';

interface Named {
  id: string;
  name: string;
}

export interface CaseSummary {
  id: string;
  number: number;
  kind: CaseKind;
  title: string;
  stage: CaseStage;
  owner: Named | null;
  team: Named | null;
  contact: { id: string; name: string | null } | null;
  account: Named | null;
  dueAt: string | null;
  overdue: boolean;
  outcome: CaseOutcome | null;
  scoreType: ScoreType | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  feedbackCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CasesPage {
  items: CaseSummary[];
  nextOffset: number | null;
}

export interface CaseFeedback {
  id: string;
  channel: string;
  text: string;
  scoreType: ScoreType | null;
  score: number | null;
  sentimentLabel: string | null;
  receivedAt: string;
}

export interface CaseEvent {
  id: number;
  type: string;
  actor: Named | null;
  data: Record<string, unknown>;
  at: string;
}

export interface CaseAction {
  id: string;
  title: string;
  description: string;
  themeId: string | null;
  themeName: string | null;
  status: ActionStatus;
  shippedAt: string | null;
  caseCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail {
  case: CaseSummary & {
    learned: string;
    initiatedBy: string | null;
    rootCause: Named | null;
    resolution: string;
    stageStartedAt: string;
    firstResponseAt: string | null;
  };
  feedback: CaseFeedback[];
  contact: { id: string; name: string | null; email: string | null; level: string | null } | null;
  account: { id: string; name: string; tier: string } | null;
  history: { feedback: CaseFeedback[]; cases: CaseSummary[] };
  timeline: CaseEvent[];
  actions: CaseAction[];
}

/** The list's filters, as kept in the page's URL. */
export interface CaseFilters {
  stage: string;
  owner: string;
  teamId: string;
  overdue: string;
  q: string;
}

import type { Channel, ScoreType } from '../types.ts';
import type {
  AccountTier,
  CaseCondition,
  CaseKind,
  CaseRule,
  CaseRuleInput,
  Deadlines,
  SentimentLabel,
  Stage,
  Strategy,
} from './types.ts';

export const STAGES: readonly Stage[] = ['engage', 'process', 'follow_up'];

/** The editor's state: one field per kind of condition, so the form stays a plain form. */
export interface CaseRuleDraft {
  name: string;
  enabled: boolean;
  kind: CaseKind;
  mergeIntoOpen: boolean;
  detractor: boolean;
  detractorType: ScoreType;
  scoreOn: boolean;
  scoreValue: number;
  scoreType: ScoreType | '';
  positive: boolean;
  sentiments: SentimentLabel[];
  tiers: AccountTier[];
  channels: Channel[];
  touchpointIds: string[];
  themeIds: string[];
  keywords: string;
  strategy: Strategy;
  userIds: string[];
  userId: string;
  teamId: string;
  fallbackUserId: string;
  /** Hours per stage as typed; blank means no deadline. */
  hours: Record<Stage, string>;
  businessHours: Record<Stage, boolean>;
  /** Hours before the win-back survey, as typed; blank means the default (7 days). */
  winbackHours: string;
}

export const emptyCaseDraft: CaseRuleDraft = {
  name: '',
  enabled: true,
  kind: 'case',
  mergeIntoOpen: true,
  detractor: true,
  detractorType: 'nps',
  scoreOn: false,
  scoreValue: 6,
  scoreType: '',
  positive: false,
  sentiments: [],
  tiers: [],
  channels: [],
  touchpointIds: [],
  themeIds: [],
  keywords: '',
  strategy: 'account_owner',
  userIds: [],
  userId: '',
  teamId: '',
  fallbackUserId: '',
  hours: { engage: '24', process: '', follow_up: '' },
  businessHours: { engage: false, process: false, follow_up: false },
  winbackHours: '',
};

export function draftFromCaseRule(rule: CaseRule): CaseRuleDraft {
  const draft: CaseRuleDraft = {
    ...emptyCaseDraft,
    name: rule.name,
    enabled: rule.enabled,
    kind: rule.kind,
    mergeIntoOpen: rule.mergeIntoOpen,
    detractor: false,
    strategy: rule.assignment.strategy,
    userIds: rule.assignment.userIds ?? [],
    userId: rule.assignment.userId ?? '',
    teamId: rule.assignment.teamId ?? '',
    fallbackUserId: rule.assignment.fallbackUserId ?? '',
    hours: { engage: '', process: '', follow_up: '' },
    businessHours: { engage: false, process: false, follow_up: false },
    winbackHours: rule.deadlines.winback ? String(rule.deadlines.winback.hours) : '',
  };
  for (const stage of STAGES) {
    const deadline = rule.deadlines[stage];
    if (deadline) {
      draft.hours[stage] = String(deadline.hours);
      draft.businessHours[stage] = deadline.businessHours;
    }
  }
  for (const condition of rule.conditions) {
    switch (condition.type) {
      case 'detractor':
        Object.assign(draft, { detractor: true, detractorType: condition.scoreType ?? 'nps' });
        break;
      case 'score_at_most':
        Object.assign(draft, {
          scoreOn: true,
          scoreValue: condition.value,
          scoreType: condition.scoreType ?? '',
        });
        break;
      case 'positive':
        draft.positive = true;
        break;
      case 'sentiment':
        draft.sentiments = condition.labels;
        break;
      case 'account_tier':
        draft.tiers = condition.tiers;
        break;
      case 'channel':
        draft.channels = condition.channels;
        break;
      case 'touchpoint':
        draft.touchpointIds = condition.ids;
        break;
      case 'theme':
        draft.themeIds = condition.themeIds;
        break;
      case 'keyword':
        draft.keywords = condition.words.join(', ');
        break;
    }
  }
  return draft;
}

const words = (text: string) => [
  ...new Set(
    text
      .split(/[,\n]/)
      .map((word) => word.trim())
      .filter(Boolean),
  ),
];

export function inputFromDraft(draft: CaseRuleDraft): CaseRuleInput {
  const conditions: CaseCondition[] = [];
  if (draft.detractor) conditions.push({ type: 'detractor', scoreType: draft.detractorType });
  if (draft.scoreOn)
    conditions.push({
      type: 'score_at_most',
      value: draft.scoreValue,
      ...(draft.scoreType ? { scoreType: draft.scoreType } : {}),
    });
  if (draft.positive) conditions.push({ type: 'positive' });
  if (draft.sentiments.length) conditions.push({ type: 'sentiment', labels: draft.sentiments });
  if (draft.tiers.length) conditions.push({ type: 'account_tier', tiers: draft.tiers });
  if (draft.channels.length) conditions.push({ type: 'channel', channels: draft.channels });
  if (draft.touchpointIds.length) conditions.push({ type: 'touchpoint', ids: draft.touchpointIds });
  if (draft.themeIds.length) conditions.push({ type: 'theme', themeIds: draft.themeIds });
  const keywords = words(draft.keywords);
  if (keywords.length) conditions.push({ type: 'keyword', words: keywords });
  const deadlines: Deadlines = {};
  for (const stage of STAGES) {
    const hours = Number(draft.hours[stage]);
    if (draft.hours[stage].trim() !== '' && hours > 0)
      deadlines[stage] = { hours, businessHours: draft.businessHours[stage] };
  }
  const winback = Number(draft.winbackHours);
  if (draft.winbackHours.trim() !== '' && winback >= 0) deadlines.winback = { hours: winback };
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    kind: draft.kind,
    mergeIntoOpen: draft.mergeIntoOpen,
    conditions,
    assignment: {
      strategy: draft.strategy,
      userIds: draft.strategy === 'round_robin' ? draft.userIds : [],
      userId: draft.strategy === 'user' ? draft.userId || null : null,
      teamId: draft.strategy === 'team' ? draft.teamId || null : null,
      fallbackUserId: draft.fallbackUserId || null,
    },
    deadlines,
  };
}

export const STRATEGY_LABELS: Record<Strategy, string> = {
  account_owner: 'The account’s owner',
  touchpoint_team: 'The touchpoint’s team',
  round_robin: 'In turn among people',
  user: 'One person',
  team: 'A team',
};

export const STAGE_LABELS: Record<Stage, string> = {
  engage: 'Engage',
  process: 'Process',
  follow_up: 'Follow up',
};

export function describeCaseCondition(condition: CaseCondition): string {
  switch (condition.type) {
    case 'detractor':
      return `${(condition.scoreType ?? 'nps').toUpperCase()} detractor`;
    case 'score_at_most':
      return `${condition.scoreType ? condition.scoreType.toUpperCase() : 'Score'} ≤ ${condition.value}`;
    case 'positive':
      return 'Praise (promoter score or positive words)';
    case 'sentiment':
      return `Sentiment: ${condition.labels.join(', ')}`;
    case 'account_tier':
      return `Account tier: ${condition.tiers.join(', ')}`;
    case 'channel':
      return `Channel: ${condition.channels.join(', ')}`;
    case 'touchpoint':
      return `Touchpoint (${condition.ids.length})`;
    case 'theme':
      return `Theme (${condition.themeIds.length})`;
    case 'keyword':
      return `Words: ${condition.words.join(', ')}`;
  }
}

import type { Channel, ScoreType } from '../types.ts';
import type {
  AccountTier,
  AlertRule,
  Condition,
  SentimentLabel,
  Severity,
  SpikeDirection,
  SpikeSubject,
} from './types.ts';

/**
 * The rule editor's state: one field per kind of condition, so the form stays a plain form.
 * Conditions the form cannot edit (themes, named mentions) are kept as they are.
 */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  trigger: 'feedback' | 'spike';
  scoreOn: boolean;
  scoreValue: number;
  scoreType: ScoreType | '';
  sentiments: SentimentLabel[];
  tiers: AccountTier[];
  keywords: string;
  channels: Channel[];
  touchpointIds: string[];
  anyCompetitor: boolean;
  spikeSubjects: SpikeSubject[];
  minSeverity: Severity;
  direction: SpikeDirection | 'any';
  kept: Condition[];
}

export const emptyDraft: RuleDraft = {
  name: '',
  enabled: true,
  trigger: 'feedback',
  scoreOn: true,
  scoreValue: 6,
  scoreType: '',
  sentiments: [],
  tiers: [],
  keywords: '',
  channels: [],
  touchpointIds: [],
  anyCompetitor: false,
  spikeSubjects: ['theme'],
  minSeverity: 'notable',
  direction: 'rise',
  kept: [],
};

export function draftFromRule(rule: AlertRule): RuleDraft {
  const draft: RuleDraft = {
    ...emptyDraft,
    name: rule.name,
    enabled: rule.enabled,
    scoreOn: false,
  };
  for (const condition of rule.conditions) {
    switch (condition.type) {
      case 'score_at_most':
        Object.assign(draft, {
          scoreOn: true,
          scoreValue: condition.value,
          scoreType: condition.scoreType ?? '',
        });
        break;
      case 'sentiment':
        draft.sentiments = condition.labels;
        break;
      case 'account_tier':
        draft.tiers = condition.tiers;
        break;
      case 'keyword':
        draft.keywords = condition.words.join(', ');
        break;
      case 'channel':
        draft.channels = condition.channels;
        break;
      case 'touchpoint':
        draft.touchpointIds = condition.ids;
        break;
      case 'competitor':
        if (condition.entityIds) draft.kept.push(condition);
        else draft.anyCompetitor = true;
        break;
      case 'spike':
        Object.assign(draft, {
          trigger: 'spike',
          spikeSubjects: condition.subjects,
          minSeverity: condition.minSeverity,
          direction: condition.direction,
        });
        break;
      default:
        draft.kept.push(condition);
    }
  }
  return draft;
}

/** Comma- or line-separated words, trimmed, without blanks or repeats. */
export function splitWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

export function conditionsFromDraft(draft: RuleDraft): Condition[] {
  if (draft.trigger === 'spike')
    return [
      {
        type: 'spike',
        subjects: draft.spikeSubjects,
        minSeverity: draft.minSeverity,
        direction: draft.direction,
      },
    ];
  const conditions: Condition[] = [];
  if (draft.scoreOn)
    conditions.push({
      type: 'score_at_most',
      value: draft.scoreValue,
      ...(draft.scoreType ? { scoreType: draft.scoreType } : {}),
    });
  if (draft.sentiments.length) conditions.push({ type: 'sentiment', labels: draft.sentiments });
  if (draft.tiers.length) conditions.push({ type: 'account_tier', tiers: draft.tiers });
  const words = splitWords(draft.keywords);
  if (words.length) conditions.push({ type: 'keyword', words });
  if (draft.channels.length) conditions.push({ type: 'channel', channels: draft.channels });
  if (draft.touchpointIds.length) conditions.push({ type: 'touchpoint', ids: draft.touchpointIds });
  if (draft.anyCompetitor) conditions.push({ type: 'competitor' });
  return [...conditions, ...draft.kept.filter((condition) => condition.type !== 'spike')];
}

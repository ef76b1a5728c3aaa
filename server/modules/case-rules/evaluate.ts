import type { CaseKind, Channel } from '../../db/schema/index.ts';
import { MAX_ANALYSED_CHARS } from '../analysis/limits.ts';
import type { SentimentLabel } from '../analysis/types.ts';
import type { Assignment, CaseCondition, RuleDeadlines } from './case-rules.schemas.ts';

/**
 * Which case rule routes a feedback item. Pure: the routing service loads the items with their
 * analysis, themes and account, and acts on the decision.
 */
export interface RoutableItem {
  id: string;
  channel: Channel;
  touchpointId: string | null;
  scoreType: string | null;
  score: number | null;
  text: string;
  accountTier: string | null;
  sentimentLabel: SentimentLabel | null;
  themeIds: readonly string[];
}

export interface CaseRule {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  kind: CaseKind;
  conditions: readonly CaseCondition[];
  assignment: Assignment;
  deadlines: RuleDeadlines;
  mergeIntoOpen: boolean;
}

export interface MatchedCondition {
  type: CaseCondition['type'];
  detail: string;
}

const SCORE_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** The highest score that counts as a detractor per score type (CSAT of 5, CES of 7). */
export const DETRACTOR_AT_MOST: Record<string, number> = { nps: 6, csat: 2, ces: 2 };
/** The lowest score that counts as praise per score type. */
export const PROMOTER_AT_LEAST: Record<string, number> = { nps: 9, csat: 5, ces: 6 };

const keywordPatterns = new WeakMap<object, RegExp>();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words, any case; spaces in a phrase match any white space. Cached per condition. */
function keywordPattern(condition: Extract<CaseCondition, { type: 'keyword' }>): RegExp {
  let pattern = keywordPatterns.get(condition);
  if (!pattern) {
    const words = condition.words.map((word) => escapeRegExp(word.trim()).replace(/\s+/g, '\\s+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
    keywordPatterns.set(condition, pattern);
  }
  return pattern;
}

const scoreName = (item: RoutableItem) =>
  `${SCORE_NAMES[item.scoreType ?? ''] ?? item.scoreType} ${item.score}`;

/** The detail of a condition that holds for the item, or null when it does not. */
export function matchCondition(condition: CaseCondition, item: RoutableItem): string | null {
  switch (condition.type) {
    case 'detractor': {
      if (item.score === null || item.scoreType !== condition.scoreType) return null;
      const limit = DETRACTOR_AT_MOST[condition.scoreType] ?? -1;
      return item.score <= limit ? `${scoreName(item)}: detractor` : null;
    }
    case 'score_at_most': {
      if (item.score === null || item.scoreType === null) return null;
      if (condition.scoreType && condition.scoreType !== item.scoreType) return null;
      return item.score <= condition.value ? `${scoreName(item)} ≤ ${condition.value}` : null;
    }
    case 'positive': {
      if (item.score !== null && item.scoreType !== null) {
        const least = PROMOTER_AT_LEAST[item.scoreType] ?? Infinity;
        if (item.score >= least) return `${scoreName(item)}: praise`;
        // A low score with kind words is not praise.
        return null;
      }
      return item.sentimentLabel === 'positive' ? 'positive sentiment' : null;
    }
    case 'sentiment':
      return item.sentimentLabel && condition.labels.includes(item.sentimentLabel)
        ? `${item.sentimentLabel} sentiment`
        : null;
    case 'account_tier':
      return item.accountTier && (condition.tiers as readonly string[]).includes(item.accountTier)
        ? `${item.accountTier} account`
        : null;
    case 'theme': {
      const hits = item.themeIds.filter((id) => condition.themeIds.includes(id)).length;
      return hits > 0 ? `theme (${hits})` : null;
    }
    case 'touchpoint':
      return item.touchpointId && condition.ids.includes(item.touchpointId) ? 'touchpoint' : null;
    case 'channel':
      return condition.channels.includes(item.channel) ? `${item.channel} channel` : null;
    case 'keyword': {
      const match = keywordPattern(condition).exec(item.text.slice(0, MAX_ANALYSED_CHARS));
      return match ? `“${match[0].toLowerCase().replace(/\s+/g, ' ')}”` : null;
    }
  }
}

export type RuleVerdict =
  | { matched: true; conditions: MatchedCondition[] }
  | { matched: false; failed: CaseCondition['type'] | 'disabled' };

/** Whether every condition of the rule holds; an empty list holds for every item. */
export function evaluateRule(rule: CaseRule, item: RoutableItem): RuleVerdict {
  if (!rule.enabled) return { matched: false, failed: 'disabled' };
  const conditions: MatchedCondition[] = [];
  for (const condition of rule.conditions) {
    const detail = matchCondition(condition, item);
    if (detail === null) return { matched: false, failed: condition.type };
    conditions.push({ type: condition.type, detail });
  }
  return { matched: true, conditions };
}

/** Rules in the order they are tried: by position, then by id for a stable order. */
export function orderRules<T extends { position: number; id: string }>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** The first enabled rule, by position, whose conditions all hold; null when none does. */
export function routeItem(
  rules: readonly CaseRule[],
  item: RoutableItem,
): { rule: CaseRule; conditions: MatchedCondition[] } | null {
  for (const rule of orderRules(rules)) {
    const verdict = evaluateRule(rule, item);
    if (verdict.matched) return { rule, conditions: verdict.conditions };
  }
  return null;
}

/** A case title: the first words of the text, or the score and account ("NPS 3 from Acme"). */
export function caseTitle(
  item: { text: string; scoreType: string | null; score: number | null },
  accountName: string | null,
): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  if (text.length > 0) {
    if (text.length <= 80) return text;
    const cut = text.slice(0, 80);
    const space = cut.lastIndexOf(' ');
    return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  const score =
    item.score !== null && item.scoreType
      ? `${SCORE_NAMES[item.scoreType] ?? item.scoreType} ${item.score}`
      : 'Feedback';
  return accountName ? `${score} from ${accountName}` : score;
}

import type { Channel } from '../../db/schema/feedback.ts';
import type { SpikeSubjectKind } from '../../db/schema/alerts.ts';
import { MAX_ANALYSED_CHARS } from '../analysis/limits.ts';
import { severityRank, type SpikeDirection, type SpikeSeverity } from '../analysis/spikes.ts';
import type { MentionKind, SentimentLabel } from '../analysis/types.ts';
import type { Condition, SpikeCondition } from './alerts.schemas.ts';

/**
 * Whether a rule fires for an analysed feedback item or a detected spike. Pure: the service loads
 * the item with its analysis, themes and mentions, and stores what fired.
 */
export interface AlertItem {
  id: string;
  channel: Channel;
  touchpointId: string | null;
  scoreType: string | null;
  score: number | null;
  text: string;
  accountTier: string | null;
  sentimentLabel: SentimentLabel | null;
  themeIds: readonly string[];
  mentions: ReadonlyArray<{ kind: MentionKind; entityId: string }>;
}

export interface SpikeFacts {
  subjectKind: SpikeSubjectKind;
  direction: SpikeDirection;
  severity: SpikeSeverity;
  sentence: string;
}

export interface MatchedCondition {
  type: Condition['type'];
  detail: string;
}

export interface EvaluableRule {
  conditions: readonly Condition[];
}

const SCORE_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

const keywordPatterns = new WeakMap<object, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression per keyword condition, cached on the condition: whole words only (no
 * letter or digit on either side), any case, spaces in a phrase match any run of white space.
 * Patterns are alternations of literals, so matching stays linear in the text.
 */
function keywordPattern(condition: Extract<Condition, { type: 'keyword' }>): RegExp {
  let pattern = keywordPatterns.get(condition);
  if (!pattern) {
    const words = condition.words.map((word) => escapeRegExp(word.trim()).replace(/\s+/g, '\\s+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    keywordPatterns.set(condition, pattern);
  }
  return pattern;
}

function matchKeywords(condition: Extract<Condition, { type: 'keyword' }>, text: string) {
  const found = new Set<string>();
  for (const match of text.slice(0, MAX_ANALYSED_CHARS).matchAll(keywordPattern(condition))) {
    found.add(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (found.size >= 5) break;
  }
  return found.size > 0 ? [...found].map((word) => `“${word}”`).join(', ') : null;
}

function matchMentions(
  item: AlertItem,
  kind: MentionKind,
  entityIds: readonly string[] | undefined,
): string | null {
  const hits = item.mentions.filter(
    (mention) => mention.kind === kind && (!entityIds || entityIds.includes(mention.entityId)),
  );
  if (hits.length === 0) return null;
  return `${kind} mentioned (${new Set(hits.map((hit) => hit.entityId)).size})`;
}

/** The detail of a condition that holds for the item, or null when it does not. */
function matchCondition(condition: Condition, item: AlertItem): string | null {
  switch (condition.type) {
    case 'score_at_most': {
      if (item.score === null || item.scoreType === null) return null;
      if (condition.scoreType && condition.scoreType !== item.scoreType) return null;
      if (item.score > condition.value) return null;
      return `${SCORE_NAMES[item.scoreType] ?? item.scoreType} ${item.score} ≤ ${condition.value}`;
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
      const themes = item.themeIds.filter((id) => condition.themeIds.includes(id));
      return themes.length > 0 ? `theme (${themes.length})` : null;
    }
    case 'keyword':
      return matchKeywords(condition, item.text);
    case 'competitor':
      return matchMentions(item, 'competitor', condition.entityIds);
    case 'mention':
      return matchMentions(item, condition.kind, condition.entityIds);
    case 'touchpoint':
      return item.touchpointId && condition.ids.includes(item.touchpointId) ? 'touchpoint' : null;
    case 'channel':
      return condition.channels.includes(item.channel) ? `${item.channel} channel` : null;
    case 'spike':
      return null;
  }
}

/** The conditions that held when every one of them does; null when any fails. */
export function matchesRule(rule: EvaluableRule, item: AlertItem): MatchedCondition[] | null {
  if (rule.conditions.length === 0) return null;
  const matched: MatchedCondition[] = [];
  for (const condition of rule.conditions) {
    const detail = matchCondition(condition, item);
    if (detail === null) return null;
    matched.push({ type: condition.type, detail });
  }
  return matched;
}

function spikeConditionHolds(condition: SpikeCondition, spike: SpikeFacts): boolean {
  const subject = spike.subjectKind === 'theme_negative' ? 'theme' : spike.subjectKind;
  if (!condition.subjects.includes(subject)) return false;
  if (condition.direction !== 'any' && condition.direction !== spike.direction) return false;
  return severityRank(spike.severity) >= severityRank(condition.minSeverity);
}

/** Whether a spike rule fires for a spike; feedback conditions never match a spike. */
export function matchesSpikeRule(
  rule: EvaluableRule,
  spike: SpikeFacts,
): MatchedCondition[] | null {
  const [condition] = rule.conditions;
  if (rule.conditions.length !== 1 || condition?.type !== 'spike') return null;
  if (!spikeConditionHolds(condition, spike)) return null;
  return [{ type: 'spike', detail: `${spike.severity} ${spike.direction}: ${spike.sentence}` }];
}

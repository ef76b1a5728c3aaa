import type { Condition, DeliveryStatus, Severity, Spike } from './types.ts';

const SCORE_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };
const SUBJECT_PLURALS: Record<string, string> = {
  theme: 'themes',
  competitor: 'competitors',
  brand: 'the brand',
};

/** One condition in words, for rule lists. */
export function describeCondition(condition: Condition): string {
  switch (condition.type) {
    case 'score_at_most':
      return `${condition.scoreType ? SCORE_NAMES[condition.scoreType] : 'Score'} ≤ ${condition.value}`;
    case 'sentiment':
      return `Sentiment: ${condition.labels.join(' or ')}`;
    case 'account_tier':
      return `Account: ${condition.tiers.join(' or ')}`;
    case 'theme':
      return `One of ${condition.themeIds.length} theme(s)`;
    case 'keyword':
      return `Words: ${condition.words.join(', ')}`;
    case 'competitor':
      return condition.entityIds
        ? `Names one of ${condition.entityIds.length} competitor(s)`
        : 'Names a competitor';
    case 'mention':
      return `Mentions a ${condition.kind}`;
    case 'touchpoint':
      return `At ${condition.ids.length} touchpoint(s)`;
    case 'channel':
      return `Channel: ${condition.channels.join(' or ')}`;
    case 'spike': {
      const subjects = condition.subjects.map((subject) => SUBJECT_PLURALS[subject]).join(', ');
      const direction =
        condition.direction === 'any' ? 'rises or falls' : `${condition.direction}s`;
      return `Spikes in ${subjects}: ${direction}, ${condition.minSeverity} or stronger`;
    }
  }
}

export const SUBJECT_LABELS: Record<Spike['subjectKind'], string> = {
  theme: 'Theme',
  theme_negative: 'Negative on theme',
  competitor: 'Competitor',
  brand: 'Brand',
};

export const STATUS_TONES: Record<DeliveryStatus, string> = {
  pending: 'badge',
  sent: 'badge badge-success',
  failed: 'badge badge-warning',
  dead: 'badge badge-danger',
};

export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed, will retry',
  dead: 'Gave up',
};

export const SEVERITY_TONES: Record<Severity, string> = {
  notable: 'badge badge-warning',
  high: 'badge badge-danger',
  extreme: 'badge badge-danger',
};

export const KIND_LABELS = { email: 'E-mail', slack: 'Slack', webhook: 'Webhook' } as const;

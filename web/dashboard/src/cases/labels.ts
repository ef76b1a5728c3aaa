import type { Option } from '../../../ui/Field.tsx';
import type { ActionStatus, CaseOutcome, CaseStage, OpenStage } from './types.ts';

export const STAGE_LABELS: Record<CaseStage, string> = {
  engage: 'Engage',
  process: 'Process',
  follow_up: 'Follow up',
  closed: 'Closed',
};

export const OPEN_STAGES: readonly OpenStage[] = ['engage', 'process', 'follow_up'];

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  resolved: 'Resolved',
  won_back: 'Won back',
  not_resolved: 'Not resolved',
  no_response: 'No response',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  dropped: 'Dropped',
};

export const INITIATOR_OPTIONS: Option[] = [
  { value: 'customer', label: 'The customer' },
  { value: 'survey', label: 'A survey we sent' },
  { value: 'staff', label: 'Our staff' },
  { value: 'partner', label: 'A partner' },
  { value: 'other', label: 'Someone else' },
];

export const STAGE_FILTER_OPTIONS: Option[] = [
  { value: 'open', label: 'Open' },
  { value: 'engage', label: 'Engage' },
  { value: 'process', label: 'Process' },
  { value: 'follow_up', label: 'Follow up' },
  { value: 'closed', label: 'Closed' },
  { value: '', label: 'All' },
];

/** How one timeline event reads ("moved from Engage to Process"). */
export function describeEvent(type: string, data: Record<string, unknown>): string {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const stage = (key: string) => STAGE_LABELS[text(key) as CaseStage] ?? text(key);
  switch (type) {
    case 'opened':
      return data.ruleId ? 'opened the case by rule' : 'opened the case';
    case 'feedback_added':
      return data.merged ? 'added more feedback from the customer' : 'added feedback';
    case 'assigned':
      return data.ownerId ? 'assigned the case' : 'unassigned the case';
    case 'stage_changed':
      return `moved it from ${stage('from')} to ${stage('to')}`;
    case 'learned':
      return `recorded what was learned: ${text('learned')}`;
    case 'comment':
      return 'commented';
    case 'action_linked':
      return `linked the action “${text('title')}”`;
    case 'action_unlinked':
      return `unlinked the action “${text('title')}”`;
    case 'action_shipped':
      return `“${text('title')}” shipped: tell the customer`;
    case 'closed':
      return `closed it: ${OUTCOME_LABELS[text('outcome') as CaseOutcome] ?? text('outcome')}${text('resolution') ? ` — ${text('resolution')}` : ''}`;
    case 'reopened':
      return `reopened it: ${text('reason')}`;
    case 'merged':
      return `folded in case #${String(data.fromNumber ?? '')}`;
    case 'reply_sent':
      return 'replied to the customer';
    case 'reply_received':
      return 'the customer answered';
    case 'reminder_sent':
      return 'reminded the owner of the deadline';
    case 'escalated':
      return 'escalated the overdue case to the team lead';
    default:
      return type.replace(/_/g, ' ');
  }
}

import { TOPICS, type Topic } from './demo.topics.ts';
import type { Random } from './random.ts';

/**
 * The words of the demo workspace: a B2B SaaS customer journey and the comments customers leave
 * along it. Comments are built from templates × topics × fillers, so 3,000 of them read as
 * varied and believable while staying deterministic for a seed.
 */
export type Sentiment = 'positive' | 'neutral' | 'negative';

export const TOUCHPOINTS = [
  {
    key: 'onboarding',
    name: 'Onboarding',
    description:
      'The first 30 days: account set-up, SSO, data import and the kickoff call with the onboarding team.',
  },
  {
    key: 'purchase',
    name: 'First purchase',
    description: 'Trial to paid: pricing page, quote, order form and the first invoice.',
  },
  {
    key: 'support',
    name: 'Support call',
    description: 'Any conversation with the support team, by phone, chat or ticket.',
  },
  {
    key: 'delivery',
    name: 'Delivery / implementation',
    description:
      'Roll-out of purchased modules and integrations by our implementation specialists, against the agreed plan.',
  },
  {
    key: 'usage',
    name: 'Product usage',
    description: 'Everyday use of the web and mobile apps; in-app widget and feature feedback.',
  },
  {
    key: 'renewal',
    name: 'Renewal',
    description: 'The 90 days before a contract renews: business review, pricing and terms.',
  },
  {
    key: 'billing',
    name: 'Billing',
    description: 'Invoices, payment methods, refunds and plan changes.',
  },
  {
    key: 'cancellation',
    name: 'Cancellation',
    description: 'Customers who downgrade or leave, and why they do.',
  },
] as const;
export type TouchpointKey = (typeof TOUCHPOINTS)[number]['key'];

export const STAFF = [
  { name: 'Sam', team: 'support', at: ['support'] },
  { name: 'Marco', team: 'support', at: ['support'] },
  { name: 'Jonas', team: 'support', at: ['support'] },
  { name: 'Priya', team: 'onboarding', at: ['onboarding'] },
  { name: 'Mei', team: 'implementation', at: ['delivery', 'onboarding'] },
  { name: 'Aisha', team: 'customer success', at: ['renewal', 'usage'] },
  { name: 'Leila', team: 'account management', at: ['renewal', 'purchase'] },
  { name: 'Tom', team: 'billing', at: ['billing'] },
] as const;

export const COMPETITORS = [
  'Acme Insights',
  'Globex Analytics',
  'Initech Metrics',
  'Umbrella CX',
  'Northwind Feedback',
];
const FEATURES = [
  'SSO with Okta',
  'a Salesforce integration',
  'export to Excel with formatting',
  'dark mode',
  'custom roles and permissions',
  'scheduled PDF reports',
  'Slack alerts for overdue tasks',
  'bulk editing',
  'multi-currency invoices',
  'an offline mode in the mobile app',
  'a proper audit log',
  'two-factor authentication for every user',
];
export const INTEGRATIONS = [
  'Salesforce',
  'HubSpot',
  'NetSuite',
  'Zendesk',
  'Slack',
  'Microsoft Teams',
];
export const MODULES = [
  'reporting module',
  'forecasting module',
  'approvals workflow',
  'analytics suite',
];
const DAYS = ['two', 'three', 'four', 'five', 'six'];
const WEEKS = ['two', 'three', 'four', 'six', 'eight'];
const MONTHS = ['January', 'March', 'April', 'June', 'August', 'September', 'October', 'November'];

const OPENERS: Record<Sentiment, readonly string[]> = {
  positive: ['Really happy with the service. ', 'Quick note to say thanks. ', 'Ten out of ten. '],
  neutral: ['Overall okay. ', 'Mostly positive. ', 'Some feedback from our team. '],
  negative: ['Not happy. ', 'Frustrating experience. ', 'We expected better. '],
};
const CLOSERS: Record<Sentiment, readonly string[]> = {
  positive: [' Keep it up!', ' Thanks again.', ' Five stars from our whole team.'],
  neutral: [' Thanks for listening.', ' Happy to jump on a call to explain.'],
  negative: [
    ' Please sort this out.',
    ' Not what we expect at this price.',
    ' We need a proper answer.',
  ],
};

export interface CommentInput {
  topic: Topic;
  touchpoint: TouchpointKey;
  channel: string;
  firstName: string | null;
}

function fill(random: Random, template: string, touchpoint: TouchpointKey): string {
  const local = STAFF.filter((person) => (person.at as readonly string[]).includes(touchpoint));
  const staff = random.pick(local.length > 0 ? local : STAFF);
  const text = template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    switch (key) {
      case 'staff':
        return staff.name;
      case 'team':
        return staff.team;
      case 'competitor':
        return random.pick(COMPETITORS);
      case 'feature':
        return random.pick(FEATURES);
      case 'integration':
        return random.pick(INTEGRATIONS);
      case 'module':
        return random.pick(MODULES);
      case 'days':
        return random.pick(DAYS);
      case 'weeks':
        return random.pick(WEEKS);
      case 'month':
        return random.pick(MONTHS);
      case 'seats':
        return String(random.pick([40, 85, 120, 250, 400]));
      default:
        throw new Error(`unknown placeholder {${key}}`);
    }
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Picks a topic for a sentiment; `boost` multiplies the weight of named topics (incidents). */
export function pickTopic(
  random: Random,
  sentiment: Sentiment,
  boost: Record<string, number> = {},
) {
  const candidates = TOPICS.filter((topic) => topic.sentiment === sentiment);
  return random.weighted(
    candidates.map((topic) => [topic, topic.weight * (boost[topic.key] ?? 1)] as const),
  );
}

/** One comment, shaped a little by the channel it arrived through. */
export function composeComment(random: Random, input: CommentInput): string {
  const { topic, touchpoint, channel } = input;
  let body = fill(random, random.pick(topic.templates), touchpoint);
  if (channel === 'social') return body;
  if (topic.sentiment !== 'negative' && topic.key !== 'feature_request' && random.chance(0.15)) {
    const extra = TOPICS.find((candidate) => candidate.key === 'feature_request');
    if (extra) body += ` ${fill(random, random.pick(extra.templates), touchpoint)}`;
  }
  const opener = random.chance(0.25) ? random.pick(OPENERS[topic.sentiment]) : '';
  const closer = random.chance(0.3) ? random.pick(CLOSERS[topic.sentiment]) : '';
  const text = `${opener}${body}${closer}`;
  if (channel === 'email' && random.chance(0.6)) {
    return `Hi team,\n\n${text}\n\n${input.firstName ? `Thanks,\n${input.firstName}` : 'Thanks'}`;
  }
  if (channel === 'call') return `Call summary: the customer said "${text}"`;
  if (channel === 'forum' && topic.key === 'feature_request') return `Feature request: ${text}`;
  return text;
}

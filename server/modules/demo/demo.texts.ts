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

const STAFF = [
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
const INTEGRATIONS = ['Salesforce', 'HubSpot', 'NetSuite', 'Zendesk', 'Slack', 'Microsoft Teams'];
const MODULES = ['reporting module', 'forecasting module', 'approvals workflow', 'analytics suite'];
const DAYS = ['two', 'three', 'four', 'five', 'six'];
const WEEKS = ['two', 'three', 'four', 'six', 'eight'];
const MONTHS = ['January', 'March', 'April', 'June', 'August', 'September', 'October', 'November'];

interface Topic {
  key: string;
  sentiment: Sentiment;
  weight: number;
  touchpoints: readonly TouchpointKey[];
  templates: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    key: 'staff_praise',
    sentiment: 'positive',
    weight: 5,
    touchpoints: ['support', 'onboarding', 'delivery', 'renewal', 'billing'],
    templates: [
      '{staff} in {team} was brilliant.',
      '{staff} from {team} sorted our problem in one call. Could not have asked for more.',
      'Huge thanks to {staff} in {team}, who stayed late to get our {integration} sync working.',
      '{staff} was patient and clear, and actually followed up the next day as promised.',
      'Shout-out to {staff} ({team}). Knows the product inside out.',
      'Every time we get {staff} on the line, the issue is fixed before the call ends.',
    ],
  },
  {
    key: 'testimonial',
    sentiment: 'positive',
    weight: 5,
    touchpoints: ['usage', 'renewal', 'purchase'],
    templates: [
      'The platform has cut our month-end reporting from three days to a morning.',
      'We rolled it out to {seats} people and nobody needed training. That never happens.',
      'Best decision we made this year. The {module} alone pays for the licence.',
      'Our operations team lives in the dashboard now. Clean, fast, and it just works.',
      'Already recommended you to two other teams in our group.',
      'Solid product, honest pricing, and a team that listens.',
      'We evaluated {competitor} last year and stayed with you. No regrets.',
    ],
  },
  {
    key: 'smooth_start',
    sentiment: 'positive',
    weight: 2,
    touchpoints: ['onboarding', 'purchase', 'delivery'],
    templates: [
      'Onboarding was smooth: kickoff on Monday, live by Friday.',
      'The set-up checklist made it easy to get SSO and all our users in on day one.',
      'Importing our historical data took minutes, not the weeks we had planned for.',
      'Buying was easy: clear pricing, a quick quote and no pushy sales calls.',
      'The {integration} connector went live exactly on the agreed date. Impressive.',
    ],
  },
  {
    key: 'onboarding_confusion',
    sentiment: 'negative',
    weight: 3,
    touchpoints: ['onboarding'],
    templates: [
      'The onboarding checklist jumps to integrations before we even had SSO working, so we were stuck for a week.',
      'Nobody told us who our onboarding contact was. We found out from an automated email.',
      "The set-up guide and the actual screens don't match any more; half the steps have moved.",
      'Three different people asked us for the same CSV during onboarding.',
      'Onboarding felt rushed. One kickoff call and then we were on our own.',
    ],
  },
  {
    key: 'delivery_delay',
    sentiment: 'negative',
    weight: 4,
    touchpoints: ['delivery'],
    templates: [
      'Implementation slipped by {weeks} weeks and nobody told us until the go-live date.',
      'The {integration} connector was promised for the end of the month. We are still waiting.',
      "Go-live has moved three times now. Our board is asking questions I can't answer.",
      'We planned training around the delivery date you gave us, and then it slipped again.',
      'The project plan looked great on paper, but the implementation team was clearly overbooked.',
    ],
  },
  {
    key: 'billing_error',
    sentiment: 'negative',
    weight: 3,
    touchpoints: ['billing'],
    templates: [
      'We were charged twice for the {month} invoice and it took {days} days to get a refund.',
      'Our card was billed twice this month. Please fix this and tell us why it happened.',
      'The invoice still shows the old seat count even though we downgraded in {month}.',
      'Finance flagged a duplicate payment again. Second time this quarter.',
      "Our VAT number is missing from the invoices, so our accounts team can't process them.",
    ],
  },
  {
    key: 'slow_support',
    sentiment: 'negative',
    weight: 3,
    touchpoints: ['support'],
    templates: [
      'Support took {days} days to reply to a ticket marked urgent.',
      "Every ticket starts with 'have you tried clearing your cache'. We have.",
      "The chat says 'typically replies in minutes'; we waited two hours.",
      'The ticket was closed as solved without anyone checking with us.',
    ],
  },
  {
    key: 'product_issues',
    sentiment: 'negative',
    weight: 3,
    touchpoints: ['usage'],
    templates: [
      'The dashboard takes ages to load since the last update.',
      'Exports to Excel time out for anything over a few thousand rows.',
      'The mobile app logs us out every single day.',
      "Search doesn't find records I know exist. Very frustrating.",
      'Saw the same error three times this week when saving a report.',
    ],
  },
  {
    key: 'price',
    sentiment: 'negative',
    weight: 2,
    touchpoints: ['renewal', 'purchase', 'cancellation'],
    templates: [
      'The price rise at renewal was steep and came with no warning.',
      'Hard to justify the cost to our CFO when we only use half the modules.',
      'The quote took two weeks and three reminders to arrive.',
      'Per-seat pricing punishes us for rolling it out more widely.',
    ],
  },
  {
    key: 'competitor',
    sentiment: 'negative',
    weight: 2,
    touchpoints: ['renewal', 'cancellation', 'usage'],
    templates: [
      "We're looking at {competitor} because their reporting is more flexible.",
      '{competitor} offered us the same features for 30% less. Give us a reason to stay.',
      'Honestly considering {competitor} at renewal unless the {integration} issues get fixed.',
      'We moved two teams to {competitor} already; the rest will follow if nothing changes.',
    ],
  },
  {
    key: 'leaving',
    sentiment: 'negative',
    weight: 1,
    touchpoints: ['cancellation'],
    templates: [
      "We're cancelling: the team never really adopted it.",
      'Leaving because we merged with a company that already uses {competitor}.',
      'Cancelling after {weeks} weeks of waiting for the {integration} connector.',
      'Budget cut, nothing personal, but we have to cancel. The product itself was fine.',
    ],
  },
  {
    key: 'mixed',
    sentiment: 'neutral',
    weight: 4,
    touchpoints: ['usage', 'support', 'billing', 'renewal'],
    templates: [
      'Love the app but support took {days} days to get back to us.',
      "Great product, shame about the invoicing. Fix billing and you'd get a 10 from me.",
      'The new dashboard is much better, but the mobile app still logs us out.',
      'Features are strong; performance on big reports is not. The yearly view takes over a minute.',
      'Good value overall. The {module} is excellent, the rest feels a bit dated.',
      'Does what we need. It would be a 9 if the {integration} sync were reliable.',
    ],
  },
  {
    key: 'feature_request',
    sentiment: 'neutral',
    weight: 4,
    touchpoints: ['usage', 'renewal', 'onboarding'],
    templates: [
      'Would love {feature}.',
      "Any plans for {feature}? It's the one thing our team keeps asking for.",
      'Please add {feature}. We currently work around it with spreadsheets.',
      "If you shipped {feature}, we'd roll this out to the whole company.",
      '{feature} would save us hours every week.',
    ],
  },
];

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

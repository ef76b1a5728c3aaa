import type { Sentiment, TouchpointKey } from './demo.texts.ts';

/**
 * What customers write about, by sentiment and by the touchpoints where each comment fits.
 * Placeholders in braces are filled in by demo.texts.ts.
 */
export interface Topic {
  key: string;
  sentiment: Sentiment;
  weight: number;
  touchpoints: readonly TouchpointKey[];
  templates: readonly string[];
}

const topic = (
  key: string,
  sentiment: Sentiment,
  weight: number,
  touchpoints: readonly TouchpointKey[],
  templates: readonly string[],
): Topic => ({ key, sentiment, weight, touchpoints, templates });

export const TOPICS: readonly Topic[] = [
  topic(
    'staff_praise',
    'positive',
    5,
    ['support', 'onboarding', 'delivery', 'renewal', 'billing'],
    [
      '{staff} in {team} was brilliant.',
      '{staff} from {team} sorted our problem in one call. Could not have asked for more.',
      'Huge thanks to {staff} in {team}, who stayed late to get our {integration} sync working.',
      '{staff} was patient and clear, and actually followed up the next day as promised.',
      'Shout-out to {staff} ({team}). Knows the product inside out.',
      'Every time we get {staff} on the line, the issue is fixed before the call ends.',
    ],
  ),
  topic(
    'testimonial',
    'positive',
    5,
    ['usage', 'renewal'],
    [
      'The platform has cut our month-end reporting from three days to a morning.',
      'We rolled it out to {seats} people and nobody needed training. That never happens.',
      'Best decision we made this year. The {module} alone pays for the licence.',
      'Our operations team lives in the dashboard now. Clean, fast, and it just works.',
      'Already recommended you to two other teams in our group.',
      'Solid product, honest pricing, and a team that listens.',
      'We evaluated {competitor} last year and stayed with you. No regrets.',
    ],
  ),
  topic(
    'smooth_onboarding',
    'positive',
    1,
    ['onboarding'],
    [
      'Onboarding was smooth: kickoff on Monday, live by Friday.',
      'The set-up checklist made it easy to get SSO and all our users in on day one.',
      'Importing our historical data took minutes, not the weeks we had planned for.',
    ],
  ),
  topic(
    'smooth_purchase',
    'positive',
    1,
    ['purchase'],
    [
      'Buying was easy: clear pricing, a quick quote and no pushy sales calls.',
      'Procurement signed off in a week, which is a record for us.',
    ],
  ),
  topic(
    'on_time_delivery',
    'positive',
    1,
    ['delivery'],
    [
      'The {integration} connector went live exactly on the agreed date. Impressive.',
      'The implementation plan was realistic and the team stuck to it.',
    ],
  ),
  topic(
    'onboarding_confusion',
    'negative',
    3,
    ['onboarding'],
    [
      'The onboarding checklist jumps to integrations before we even had SSO working, so we were stuck for a week.',
      'Nobody told us who our onboarding contact was. We found out from an automated email.',
      "The set-up guide and the actual screens don't match any more; half the steps have moved.",
      'Three different people asked us for the same CSV during onboarding.',
      'Onboarding felt rushed. One kickoff call and then we were on our own.',
    ],
  ),
  topic(
    'delivery_delay',
    'negative',
    4,
    ['delivery'],
    [
      'Implementation slipped by {weeks} weeks and nobody told us until the go-live date.',
      'The {integration} connector was promised for the end of the month. We are still waiting.',
      "Go-live has moved three times now. Our board is asking questions I can't answer.",
      'We planned training around the delivery date you gave us, and then it slipped again.',
      'The project plan looked great on paper, but the implementation team was clearly overbooked.',
    ],
  ),
  topic(
    'billing_error',
    'negative',
    3,
    ['billing'],
    [
      'We were charged twice for the {month} invoice and it took {days} days to get a refund.',
      'Our card was billed twice this month. Please fix this and tell us why it happened.',
      'The invoice still shows the old seat count even though we downgraded in {month}.',
      'Finance flagged a duplicate payment again. Second time this quarter.',
      "Our VAT number is missing from the invoices, so our accounts team can't process them.",
    ],
  ),
  topic(
    'slow_support',
    'negative',
    3,
    ['support'],
    [
      'Support took {days} days to reply to a ticket marked urgent.',
      "Every ticket starts with 'have you tried clearing your cache'. We have.",
      "The chat says 'typically replies in minutes'; we waited two hours.",
      'The ticket was closed as solved without anyone checking with us.',
    ],
  ),
  topic(
    'product_issues',
    'negative',
    3,
    ['usage'],
    [
      'The dashboard takes ages to load since the last update.',
      'Exports to Excel time out for anything over a few thousand rows.',
      'The mobile app logs us out every single day.',
      "Search doesn't find records I know exist. Very frustrating.",
      'Saw the same error three times this week when saving a report.',
    ],
  ),
  topic(
    'price',
    'negative',
    2,
    ['renewal', 'cancellation'],
    [
      'The price rise at renewal was steep and came with no warning.',
      'Hard to justify the cost to our CFO when we only use half the modules.',
      'Per-seat pricing punishes us for rolling it out more widely.',
    ],
  ),
  topic(
    'buying_friction',
    'negative',
    1,
    ['purchase'],
    [
      'The quote took two weeks and three reminders to arrive.',
      'The order form asked for the same company details three times.',
      'Nobody could tell us what the enterprise plan actually includes.',
    ],
  ),
  topic(
    'competitor',
    'negative',
    2,
    ['renewal', 'cancellation', 'usage'],
    [
      "We're looking at {competitor} because their reporting is more flexible.",
      '{competitor} offered us the same features for 30% less. Give us a reason to stay.',
      'Honestly considering {competitor} at renewal unless the {integration} issues get fixed.',
      'We moved two teams to {competitor} already; the rest will follow if nothing changes.',
    ],
  ),
  topic(
    'leaving',
    'negative',
    1,
    ['cancellation'],
    [
      "We're cancelling: the team never really adopted it.",
      'Leaving because we merged with a company that already uses {competitor}.',
      'Cancelling after {weeks} weeks of waiting for the {integration} connector.',
      'Budget cut, nothing personal, but we have to cancel. The product itself was fine.',
    ],
  ),
  topic(
    'mixed_support',
    'neutral',
    2,
    ['support'],
    [
      'Love the app but support took {days} days to get back to us.',
      'The product is great; getting hold of support is the hard part.',
    ],
  ),
  topic(
    'mixed_billing',
    'neutral',
    1,
    ['billing'],
    [
      "Great product, shame about the invoicing. Fix billing and you'd get a 10 from me.",
      'Happy with the tool, less so with three invoices a month for one subscription.',
    ],
  ),
  topic(
    'mixed_product',
    'neutral',
    2,
    ['usage', 'renewal'],
    [
      'The new dashboard is much better, but the mobile app still logs us out.',
      'Features are strong; performance on big reports is not. The yearly view takes over a minute.',
      'Good value overall. The {module} is excellent, the rest feels a bit dated.',
      'Does what we need. It would be a 9 if the {integration} sync were reliable.',
    ],
  ),
  topic(
    'feature_request',
    'neutral',
    4,
    ['usage', 'renewal', 'onboarding'],
    [
      'Would love {feature}.',
      "Any plans for {feature}? It's the one thing our team keeps asking for.",
      'Please add {feature}. We currently work around it with spreadsheets.',
      "If you shipped {feature}, we'd roll this out to the whole company.",
      '{feature} would save us hours every week.',
    ],
  ),
];

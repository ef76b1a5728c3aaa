import { Faker, base, en } from '@faker-js/faker';
import type { Channel } from '../../db/schema/index.ts';
import type {
  NewAccount,
  NewContact,
  NewFeedback,
  NewTouchpoint,
} from '../feedback/feedback.service.ts';
import {
  composeComment,
  pickTopic,
  TOUCHPOINTS,
  type Sentiment,
  type TouchpointKey,
} from './demo.texts.ts';
import { createRandom, type Random } from './random.ts';

/**
 * Builds a demo workspace in memory: touchpoints, accounts, contacts and feedback spread over
 * the last 18 months with seasonality, growth and a slowly improving NPS. Pure and deterministic
 * for (seed, now): no I/O, no Math.random, no global faker state.
 */
export interface DemoData {
  touchpoints: NewTouchpoint[];
  accounts: NewAccount[];
  contacts: NewContact[];
  feedback: NewFeedback[];
}

export const DEMO_MONTHS = 18;
const DAY_MS = 86_400_000;
const ACCOUNT_TIERS = [
  { tier: 'strategic', count: 6, contacts: 30, weight: 5, levels: [15, 35, 50] },
  { tier: 'standard', count: 40, contacts: 9, weight: 2, levels: [10, 30, 60] },
  { tier: 'small', count: 14, contacts: 4, weight: 1, levels: [20, 40, 40] },
] as const;
const TARGET_CONTACTS = 600;
const NAME_SUFFIXES = ['Logistics', 'Health', 'Systems', 'Foods', 'Labs', 'Partners', 'Retail'];
const MORE_SUFFIXES = ['Manufacturing', 'Energy', 'Freight', 'Software', 'Clinics', 'Engineering'];
const TLDS = ['.com', '.com', '.com', '.io', '.co', '.net', '.co.uk'];
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['survey', 52],
  ['widget', 8],
  ['email', 12],
  ['call', 9],
  ['forum', 6],
  ['social', 5],
  ['import', 5],
  ['api', 3],
];
type ScoreType = 'nps' | 'csat' | 'ces' | null;
const SCORE_TYPES: Partial<Record<Channel, readonly (readonly [ScoreType, number])[]>> = {
  survey: [
    ['nps', 75],
    ['csat', 15],
    ['ces', 10],
  ],
  widget: [
    ['nps', 55],
    ['csat', 45],
  ],
  import: [
    ['nps', 60],
    [null, 40],
  ],
};
/** Relative volume by calendar month: quiet in high summer and at the year end. */
const SEASON = [1.15, 1.05, 1.1, 1.0, 1.0, 0.95, 0.8, 0.7, 1.1, 1.1, 1.05, 0.75];
const HOURS = Array.from(
  { length: 24 },
  (_, hour) => [hour, hour >= 8 && hour <= 17 ? 10 : hour >= 6 && hour <= 21 ? 3 : 0.5] as const,
);
/** A billing migration went wrong in this stretch of the timeline (fractions of the period). */
const INCIDENT = { from: 0.4, to: 0.48 };

export function demoPeriod(now: Date): { start: Date; end: Date } {
  // From the 2nd, so even west of UTC no item falls in a 19th month.
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (DEMO_MONTHS - 1), 2));
  return { start, end: now };
}

function companyName(faker: Faker, random: Random): string {
  if (random.chance(0.35)) return faker.company.name();
  return `${faker.person.lastName()} ${random.pick(random.chance(0.5) ? NAME_SUFFIXES : MORE_SUFFIXES)}`;
}

const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '');

function buildAccounts(workspaceId: string, faker: Faker, random: Random, now: Date) {
  const rows: (NewAccount & { id: string; tier: (typeof ACCOUNT_TIERS)[number]['tier'] })[] = [];
  const names = new Set<string>();
  const domains = new Set<string>();
  for (const tier of ACCOUNT_TIERS) {
    for (let index = 0; index < tier.count; index += 1) {
      let name = companyName(faker, random);
      while (names.has(name)) name = companyName(faker, random);
      names.add(name);
      const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word && word !== 'and');
      const stem = slug(words.slice(0, 2).join('')).slice(0, 24) || 'customer';
      let domain = `${stem}${random.pick(TLDS)}`;
      for (let suffix = 2; domains.has(domain); suffix += 1) domain = `${stem}${suffix}.com`;
      domains.add(domain);
      const createdAt = new Date(now.getTime() - random.int(560, 1400) * DAY_MS);
      rows.push({ workspaceId, id: random.uuid(), name, domain, tier: tier.tier, createdAt });
    }
  }
  return rows;
}

function buildContacts(
  workspaceId: string,
  accounts: ReturnType<typeof buildAccounts>,
  faker: Faker,
  random: Random,
) {
  const contacts: (NewContact & { id: string; accountId: string; firstName: string })[] = [];
  const byAccount = new Map<string, typeof contacts>();
  const emails = new Set<string>();
  const perTier = ACCOUNT_TIERS.reduce((sum, tier) => sum + tier.count * tier.contacts, 0);
  let extra = TARGET_CONTACTS - perTier;
  for (const account of accounts) {
    const tier =
      ACCOUNT_TIERS.find((candidate) => candidate.tier === account.tier) ?? ACCOUNT_TIERS[1];
    let count: number = tier.contacts;
    if (extra > 0 && tier.tier === 'strategic') {
      count += 1;
      extra -= 1;
    }
    const list: typeof contacts = [];
    for (let index = 0; index < count; index += 1) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      let email = `${slug(firstName)}.${slug(lastName)}@${account.domain}`;
      for (let suffix = 2; emails.has(email); suffix += 1)
        email = `${slug(firstName)}.${slug(lastName)}${suffix}@${account.domain}`;
      emails.add(email);
      const [executive, manager] = tier.levels;
      const level = random.weighted([
        ['executive', executive],
        ['manager', manager],
        ['frontline', 100 - executive - manager],
      ] as const);
      const contact = {
        workspaceId,
        id: random.uuid(),
        accountId: account.id,
        name: `${firstName} ${lastName}`,
        email,
        level,
        createdAt: account.createdAt,
        firstName,
      };
      list.push(contact);
      contacts.push(contact);
    }
    byAccount.set(account.id, list);
  }
  return { contacts, byAccount };
}

/** Seeded timestamps, oldest first, shaped by season, weekday, hour and a growing customer base. */
function buildTimeline(random: Random, count: number, start: Date, end: Date): Date[] {
  const span = end.getTime() - start.getTime();
  const days = Math.max(1, Math.ceil(span / DAY_MS));
  const times: number[] = [];
  while (times.length < count) {
    const day = random.int(0, days - 1);
    const date = new Date(start.getTime() + day * DAY_MS);
    const weekday = date.getUTCDay();
    const weight =
      (SEASON[date.getUTCMonth()] ?? 1) *
      (weekday === 0 || weekday === 6 ? 0.3 : 1) *
      (0.75 + (0.5 * day) / days);
    if (random.next() * 1.6 > weight) continue;
    const time = date.getTime() + random.weighted(HOURS) * 3_600_000 + random.int(0, 3_599_999);
    if (time <= end.getTime()) times.push(time);
  }
  return times.sort((a, b) => a - b).map((time) => new Date(time));
}

function npsScore(random: Random, bucket: Sentiment): number {
  if (bucket === 'positive') return random.chance(0.55) ? 10 : 9;
  if (bucket === 'neutral') return random.chance(0.45) ? 8 : 7;
  return random.weighted([
    [0, 2],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 7],
    [6, 9],
  ] as const);
}

function otherScore(random: Random, type: 'csat' | 'ces', sentiment: Sentiment): number {
  const ranges =
    type === 'csat'
      ? { positive: [4, 5], neutral: [3, 4], negative: [1, 2] }
      : { positive: [6, 7], neutral: [4, 5], negative: [1, 3] };
  const [low, high] = ranges[sentiment];
  return random.int(low ?? 1, high ?? 1);
}

/** Promoters and detractors of the moment: NPS climbs slowly, dips during the billing incident. */
function mood(progress: number, monthNoise: number) {
  const incident = progress >= INCIDENT.from && progress <= INCIDENT.to;
  const promoters = 0.34 + 0.18 * progress + monthNoise;
  const detractors = 0.31 - 0.14 * progress - monthNoise + (incident ? 0.08 : 0);
  return { promoters, detractors, incident };
}

export function generateDemoData(
  workspaceId: string,
  options: { items: number; seed: number; now: Date },
): DemoData {
  const random = createRandom(options.seed);
  const faker = new Faker({ locale: [en, base] });
  faker.seed(options.seed);
  const { start, end } = demoPeriod(options.now);
  const touchpointIds = new Map<TouchpointKey, string>();
  const touchpoints = TOUCHPOINTS.map(({ key, name, description }) => {
    const id = random.uuid();
    touchpointIds.set(key, id);
    return { workspaceId, id, name, description, createdAt: start };
  });
  const accounts = buildAccounts(workspaceId, faker, random, options.now);
  const { contacts, byAccount } = buildContacts(workspaceId, accounts, faker, random);
  const accountPicks = accounts.map(
    (account) =>
      [account, ACCOUNT_TIERS.find((tier) => tier.tier === account.tier)?.weight ?? 1] as const,
  );
  const monthNoise = Array.from({ length: DEMO_MONTHS + 1 }, () => (random.next() - 0.5) * 0.06);
  const span = Math.max(1, end.getTime() - start.getTime());

  const feedback = buildTimeline(random, options.items, start, end).map(
    (receivedAt): NewFeedback => {
      const progress = (receivedAt.getTime() - start.getTime()) / span;
      const monthIndex =
        (receivedAt.getUTCFullYear() - start.getUTCFullYear()) * 12 +
        receivedAt.getUTCMonth() -
        start.getUTCMonth();
      const odds = mood(progress, monthNoise[monthIndex] ?? 0);
      const channel = random.weighted(CHANNEL_WEIGHTS);
      const scoreType = SCORE_TYPES[channel] ? random.weighted(SCORE_TYPES[channel]) : null;
      const roll = random.next();
      const bucket: Sentiment =
        roll < odds.promoters
          ? 'positive'
          : roll < odds.promoters + odds.detractors
            ? 'negative'
            : 'neutral';
      // An NPS passive or a promoter may still write a feature request or a mixed comment.
      const sentiment: Sentiment =
        scoreType === 'nps' && bucket !== 'negative' && random.chance(0.2) ? 'neutral' : bucket;
      const score =
        scoreType === 'nps'
          ? npsScore(random, bucket)
          : scoreType
            ? otherScore(random, scoreType, sentiment)
            : null;
      const topic = pickTopic(random, sentiment, odds.incident ? { billing_error: 6 } : {});
      const touchpoint = random.pick(topic.touchpoints);
      const anonymous = channel === 'social' && random.chance(0.5);
      const account = anonymous ? undefined : random.weighted(accountPicks);
      const contact = account ? random.pick(byAccount.get(account.id) ?? []) : undefined;
      const scoreOnly = scoreType !== null && random.chance(0.3);
      const text = scoreOnly
        ? ''
        : composeComment(random, {
            topic,
            touchpoint,
            channel,
            firstName: contact?.firstName ?? null,
          });
      return {
        workspaceId,
        id: random.uuid(),
        channel,
        touchpointId: touchpointIds.get(touchpoint) ?? null,
        contactId: contact?.id ?? null,
        accountId: account?.id ?? null,
        scoreType,
        score,
        text,
        receivedAt,
        createdAt: receivedAt,
      };
    },
  );

  return {
    touchpoints,
    accounts: accounts.map(({ workspaceId: ws, id, name, domain, tier, createdAt }) => ({
      workspaceId: ws,
      id,
      name,
      domain,
      tier,
      createdAt,
    })),
    contacts: contacts.map(({ firstName: _firstName, ...contact }) => contact),
    feedback,
  };
}

/**
 * Realistic feedback items for the ingest bench, from a seeded generator so every run sends the
 * same data: texts of 80–300 characters, NPS scores, contact emails on about 500 company domains
 * (a few large customers, many small ones) plus gmail.com, and the CRM account id on the items
 * of some customers.
 */

/** The item shape the public API takes (the subset the bench sends). */
export interface BenchItem {
  text: string;
  score?: { type: 'nps'; value: number };
  externalId?: string;
  contact: { email: string; name?: string };
  account?: { externalId: string; name: string };
  metadata?: Record<string, string>;
}

export interface BenchBatch {
  /** The request body, serialised before the clock starts. */
  body: string;
  items: number;
}

export interface BenchData {
  batches: BenchBatch[];
  items: number;
  /** Distinct company domains and contact addresses used, for the notes. */
  domains: number;
  contacts: number;
  bytes: number;
  /** Mean text length, characters. */
  meanText: number;
}

/** mulberry32: a small seeded PRNG, good enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// prettier-ignore
const COMPANY_A = [
  'acme', 'globex', 'initech', 'umbra', 'stark', 'wayne', 'hooli', 'vandelay', 'soylent', 'tyrell',
  'cyber', 'blue', 'north', 'silver', 'green', 'bright', 'rapid', 'prime', 'delta', 'apex',
  'nova', 'orbit', 'pixel', 'quant', 'terra',
];
// prettier-ignore
const COMPANY_B = [
  'labs', 'works', 'systems', 'logistics', 'foods', 'health', 'bank', 'retail', 'media', 'energy',
  'cloud', 'motors', 'travel', 'insure', 'pharma', 'freight', 'homes', 'games', 'telecom', 'farms',
  'capital', 'studio', 'robotics', 'textiles', 'hotels',
];
const TLDS = ['com', 'io', 'co.uk', 'de', 'fr', 'nl', 'com.au', 'net'];
// prettier-ignore
const FIRST = [
  'ana', 'sam', 'lee', 'maria', 'john', 'fatima', 'wei', 'olga', 'pedro', 'aisha', 'tom', 'yuki',
  'liam', 'emma', 'noah', 'mia', 'omar', 'sara', 'ivan', 'nina', 'raj', 'lena', 'paul', 'zoe',
  'ben', 'eva', 'kofi', 'ines', 'marc', 'julia', 'hugo', 'chloe', 'ali', 'rosa', 'finn', 'kim',
];
// prettier-ignore
const LAST = [
  'lopez', 'smith', 'chen', 'muller', 'rossi', 'khan', 'tanaka', 'novak', 'silva', 'dubois',
  'jones', 'garcia', 'kowalski', 'okafor', 'nguyen', 'berg', 'costa', 'moreau', 'patel', 'ivanova',
  'brown', 'wilson', 'santos', 'meyer', 'larsen', 'haddad', 'kim', 'walsh', 'fischer', 'romero',
];
const OPENERS = [
  'I have been using the product for about a year now.',
  'Quick note after our quarterly review.',
  'Following up on my ticket from last week.',
  'Our team switched over last month.',
  'Honestly, mixed feelings this time.',
  'Writing on behalf of the whole support team.',
  'Just finished the onboarding with your team.',
  'We renewed yesterday, so some thoughts.',
];
const SENTENCES = [
  'The new dashboard is much faster and the filters finally remember what I picked.',
  'Exports to CSV keep timing out when the report covers more than three months.',
  'Your support agent solved the billing issue in one call, which was brilliant.',
  'The mobile app logs me out every other day and I have to reset my password again.',
  'Pricing went up again and nobody told us before the invoice arrived.',
  'Onboarding was smooth, the checklist made it easy to get the team going.',
  'Search does not find tickets by order number, only by customer name.',
  'I would love an integration with our CRM so we stop copying notes by hand.',
  'Delivery was two days late and the tracking page showed nothing useful.',
  'The latest update broke the Slack notifications for our channel.',
  'Documentation is clear but the API examples are out of date.',
  'Refund took three weeks, far longer than the five days promised.',
  'Great product overall, we recommend it to partners whenever we can.',
  'The weekly summary email is the first thing our managers read on Monday.',
  'Page load times in the reporting area are painful in the afternoon.',
  'Setting up single sign-on took our IT team a whole day.',
  'Customer success checks in regularly and actually follows up.',
  'The invoice PDF shows the wrong VAT number for our German entity.',
  'We miss the old keyboard shortcuts, please bring them back.',
  'Order #{n} arrived damaged and the replacement took ages.',
  'Chat support answered within a minute, thank you.',
  'Permissions are confusing: an agent could see reports meant for admins only.',
];
const PLANS = ['starter', 'team', 'business', 'enterprise'];
const LOCALES = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES'];

const capitalise = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** NPS answers lean positive, with a tail of detractors, as real surveys do. */
function npsScore(rand: () => number): number {
  const r = rand();
  if (r < 0.45) return 9 + Math.floor(rand() * 2);
  if (r < 0.7) return 7 + Math.floor(rand() * 2);
  return Math.floor(rand() * 7);
}

function feedbackText(rand: () => number): string {
  const target = 80 + Math.floor(rand() * 221);
  const fill = (sentence: string) =>
    sentence.replace('{n}', String(10_000 + Math.floor(rand() * 90_000)));
  let text = rand() < 0.4 ? pick(rand, OPENERS) : '';
  // Bounded: every sentence adds at least 40 characters, so a handful reach the target.
  for (let guard = 0; guard < 12 && text.length < target; guard += 1) {
    const next = fill(pick(rand, SENTENCES));
    const joined = text ? `${text} ${next}` : next;
    if (joined.length > 300) break;
    text = joined;
  }
  return text.length >= 80 ? text : `${text} Thanks for reading this far, it matters to us.`;
}

interface Company {
  domain: string;
  name: string;
  /** Customers synced from a CRM send its account id with every item. */
  crmId: string | undefined;
  people: number;
}

function companies(rand: () => number, count: number): Company[] {
  const list: Company[] = [];
  for (let index = 0; index < count; index += 1) {
    const a = COMPANY_A[index % COMPANY_A.length] as string;
    const b = COMPANY_B[Math.floor(index / COMPANY_A.length) % COMPANY_B.length] as string;
    const tld = TLDS[index % TLDS.length] as string;
    list.push({
      domain: `${a}${b}.${tld}`,
      name: `${capitalise(a)} ${capitalise(b)}`,
      crmId: rand() < 0.2 ? `crm-${1000 + index}` : undefined,
      // Most customers have a handful of people writing in, a few have over a hundred.
      people: 3 + Math.floor(rand() ** 3 * 120),
    });
  }
  return list;
}

const DOMAINS = 500;
const GMAIL_PEOPLE = 3000;

/** `count` items in batches of `batchSize`, the same for a given seed. */
export function generateItems(count: number, batchSize: number, seed = 20_261_123): BenchData {
  const rand = random(seed);
  const customers = companies(rand, DOMAINS);
  const seen = new Set<string>();
  const contacts = new Set<string>();
  const domains = new Set<string>();
  const batches: BenchBatch[] = [];
  let bytes = 0;
  let textLength = 0;
  let batch: BenchItem[] = [];
  const flush = () => {
    const body = JSON.stringify({ items: batch });
    bytes += Buffer.byteLength(body);
    batches.push({ body, items: batch.length });
    batch = [];
  };
  for (let n = 0; n < count; n += 1) {
    let item: BenchItem | undefined;
    // Content decides the dedup key of items without an externalId: redraw the rare repeat.
    for (let attempt = 0; attempt < 20 && !item; attempt += 1) {
      // A person is the same person every time: a fixed name per (customer, person) pair.
      let company: Company | undefined;
      let person: number;
      if (rand() < 0.1) {
        person = Math.floor(rand() * GMAIL_PEOPLE);
      } else {
        // Skewed: low indexes (big customers) send much more feedback.
        const index = Math.floor(rand() ** 2 * customers.length);
        company = customers[index] as Company;
        person = index * 7 + Math.floor(rand() * company.people);
      }
      const first = FIRST[person % FIRST.length] as string;
      const last = LAST[Math.floor(person / FIRST.length) % LAST.length] as string;
      const email = company
        ? `${first}.${last}@${company.domain}`
        : `${first}${last}${person}@gmail.com`;
      const candidate: BenchItem = {
        text: feedbackText(rand),
        contact:
          rand() < 0.6 ? { email, name: `${capitalise(first)} ${capitalise(last)}` } : { email },
      };
      if (rand() < 0.85) candidate.score = { type: 'nps', value: npsScore(rand) };
      if (rand() < 0.4) candidate.externalId = `zd-${1_000_000 + n}`;
      if (company?.crmId) candidate.account = { externalId: company.crmId, name: company.name };
      if (rand() < 0.5) {
        candidate.metadata = { plan: pick(rand, PLANS), locale: pick(rand, LOCALES) };
      }
      const key = candidate.externalId ?? JSON.stringify(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      contacts.add(email.toLowerCase());
      if (company) domains.add(company.domain);
      item = candidate;
    }
    if (!item) throw new Error('could not generate a unique item in 20 attempts');
    textLength += item.text.length;
    batch.push(item);
    if (batch.length === batchSize) flush();
  }
  if (batch.length > 0) flush();
  return {
    batches,
    items: count,
    domains: domains.size,
    contacts: contacts.size,
    bytes,
    meanText: count > 0 ? textLength / count : 0,
  };
}

import { performance } from 'node:perf_hooks';
import { faker } from '@faker-js/faker';
import { compileDirectory, findMentions } from '../server/modules/analysis/mentions/index.ts';
import { findPersonalData } from '../server/modules/analysis/redact.ts';
import type { Directory, Sentiment } from '../server/modules/analysis/types.ts';
import { intArg, note, noteMachine, perSecond, printFigures, printTable } from './lib/report.ts';

export const description =
  'findMentions (and findPersonalData) over generated feedback with a 500-person directory (texts/s)';

const NEUTRAL: Sentiment = { score: 0, label: 'neutral' };

function makeDirectory(people: number): Directory {
  const teams = ['Billing', 'Support', 'Sales', 'Returns', 'Onboarding', 'Delivery'].map(
    (name, index) => ({ id: `team-${index}`, name, aliases: [`${name.toLowerCase()} desk`] }),
  );
  return {
    people: Array.from({ length: people }, (_, index) => ({
      id: `person-${index}`,
      name: `${faker.person.firstName()} ${faker.person.lastName()}`,
      nicknames: index % 10 === 0 ? [faker.person.firstName()] : [],
      teamId: teams[index % teams.length]!.id,
    })),
    teams,
    entities: [
      { id: 'brand', kind: 'brand', name: 'Acme', aliases: ['Acme Corp', 'AcmeCo'] },
      ...Array.from({ length: 20 }, (_, index) => ({
        id: `product-${index}`,
        kind: 'product' as const,
        name: `Acme ${faker.commerce.productName()}`,
        aliases: [faker.commerce.product()],
      })),
      ...['Globex', 'Initech', 'Umbrella', 'Hooli'].map((name) => ({
        id: `competitor-${name}`,
        kind: 'competitor' as const,
        name,
        aliases: [`${name} Inc`],
      })),
    ],
  };
}

function makeTexts(directory: Directory, count: number): string[] {
  const first = (index: number) =>
    directory.people[index % directory.people.length]!.name.split(' ')[0]!;
  const templates = [
    (i: number) => `${first(i)} at the front desk was brilliant, thanks to Acme for the quick fix.`,
    (i: number) => `Thanks to ${first(i)} in billing, my refund arrived. ${faker.lorem.sentence()}`,
    () => `I switched from Globex because the app kept crashing. ${faker.lorem.sentences(2)}`,
    () =>
      `${faker.lorem.sentences(3)} Call me on +44 20 7946 0958 or mail ${faker.internet.email()}.`,
    (i: number) => `Ask for ${first(i)}, #acme support rocks. Will the bill come in May?`,
    () => faker.lorem.paragraph(),
  ];
  return Array.from({ length: count }, (_, index) => templates[index % templates.length]!(index));
}

export async function main(args: string[]): Promise<void> {
  const people = intArg(args, 'people', 500);
  const count = intArg(args, 'texts', 10_000);
  faker.seed(42);
  const directory = makeDirectory(people);
  const texts = makeTexts(directory, count);
  const chars = texts.reduce((sum, text) => sum + text.length, 0);

  let started = performance.now();
  const matcher = compileDirectory(directory);
  const compileMs = performance.now() - started;

  for (const text of texts.slice(0, 500)) findMentions(text, matcher, () => NEUTRAL); // warm up
  started = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += findMentions(text, matcher, () => NEUTRAL).length;
  const mentionsMs = performance.now() - started;

  started = performance.now();
  let spans = 0;
  for (const text of texts) spans += findPersonalData(text).length;
  const personalMs = performance.now() - started;

  printTable(
    `Mentions: ${people} people, ${directory.teams.length} teams, ${directory.entities.length} entities; ${count} texts (${Math.round(chars / count)} chars on average)`,
    ['step', 'ms', 'texts/s', 'found'],
    [
      ['compileDirectory', compileMs, null, matcher.size],
      ['findMentions', mentionsMs, perSecond(count, mentionsMs), mentions],
      ['findPersonalData', personalMs, perSecond(count, personalMs), spans],
    ],
  );
  note('one thread; the sentiment callback returns a constant, so only matching is measured');
  noteMachine();
  printFigures({
    people,
    texts: count,
    compile_ms: Math.round(compileMs),
    mentions_texts_per_s: perSecond(count, mentionsMs),
    mentions_found: mentions,
    personal_data_texts_per_s: perSecond(count, personalMs),
  });
}

import { COMPETITORS, INTEGRATIONS, MODULES, STAFF } from './demo.texts.ts';

/**
 * The demo workspace's staff directory and tracked names, matching the people, teams, rivals and
 * product parts its comments mention, so praise and competitor mentions light up on first start.
 */
export interface DemoDirectory {
  teams: { key: string; name: string; aliases: string[] }[];
  people: { name: string; nicknames: string[]; teamKey: string }[];
  entities: {
    kind: 'brand' | 'product' | 'feature' | 'competitor';
    name: string;
    aliases: string[];
  }[];
}

const SURNAMES: Record<string, string> = {
  Sam: 'Samantha Okafor',
  Marco: 'Marco Bellini',
  Jonas: 'Jonas Lindqvist',
  Priya: 'Priya Raman',
  Mei: 'Mei Tanaka',
  Aisha: 'Aisha Bello',
  Leila: 'Leila Haddad',
  Tom: 'Thomas Brennan',
};

export function demoDirectory(): DemoDirectory {
  const teamNames = [...new Set(STAFF.map((person) => person.team))];
  return {
    teams: teamNames.map((team) => ({
      key: team,
      name: `${team[0]!.toUpperCase()}${team.slice(1)}`,
      aliases: [`${team} team`],
    })),
    people: STAFF.map((person) => ({
      name: SURNAMES[person.name] ?? person.name,
      nicknames: [person.name],
      teamKey: person.team,
    })),
    entities: [
      { kind: 'brand', name: 'Hearken Demo', aliases: ['HearkenDemo', '@hearkendemo'] },
      ...MODULES.map((name) => ({ kind: 'product' as const, name, aliases: [] })),
      ...INTEGRATIONS.map((name) => ({
        kind: 'feature' as const,
        name: `${name} integration`,
        aliases: [`${name} sync`],
      })),
      ...COMPETITORS.map((name) => ({
        kind: 'competitor' as const,
        name,
        // "Acme" alone still means Acme Insights; "Umbrella" alone is just an umbrella.
        aliases: name.startsWith('Umbrella') ? [] : [name.split(' ')[0]!],
      })),
    ],
  };
}

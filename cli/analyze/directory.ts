import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Directory } from '../../server/modules/analysis/types.ts';
import { InputError } from './input.ts';

/**
 * `--directory FILE.json`: the people, teams and named things to find, in the server's Directory
 * shape, made easy to write by hand: ids default to names, and a person's team may be named.
 */
const names = z.array(z.string().min(1)).default([]);
const fileSchema = z.strictObject({
  people: z
    .array(
      z.strictObject({
        id: z.string().min(1).optional(),
        name: z.string().min(1),
        nicknames: names,
        teamId: z.string().min(1).optional(),
        team: z.string().min(1).optional(),
      }),
    )
    .default([]),
  teams: z
    .array(
      z.strictObject({ id: z.string().min(1).optional(), name: z.string().min(1), aliases: names }),
    )
    .default([]),
  entities: z
    .array(
      z.strictObject({
        id: z.string().min(1).optional(),
        kind: z.enum(['brand', 'product', 'feature', 'competitor']),
        name: z.string().min(1),
        aliases: names,
      }),
    )
    .default([]),
});

export function parseDirectory(json: unknown, file: string): Directory {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
    throw new InputError(`--directory ${file}: ${issues.join('; ')}`);
  }
  const { people, teams, entities } = parsed.data;
  const teamIds = new Map(teams.map((team) => [team.name.toLowerCase(), team.id ?? team.name]));
  const teamOf = (person: (typeof people)[number]) => {
    if (person.teamId !== undefined || person.team === undefined) return person.teamId;
    const id = teamIds.get(person.team.toLowerCase());
    if (id === undefined)
      throw new InputError(
        `--directory ${file}: ${person.name}'s team "${person.team}" is not in "teams"`,
      );
    return id;
  };
  return {
    teams: teams.map((team) => ({
      id: team.id ?? team.name,
      name: team.name,
      aliases: team.aliases,
    })),
    people: people.map((person) => ({
      id: person.id ?? person.name,
      name: person.name,
      nicknames: person.nicknames,
      teamId: teamOf(person),
    })),
    entities: entities.map((entity) => ({ ...entity, id: entity.id ?? entity.name })),
  };
}

export async function readDirectory(file: string): Promise<Directory> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(
      `--directory ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseDirectory(json, file);
}

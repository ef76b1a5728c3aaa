import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { DemoDirectory } from './demo.directory.ts';

/**
 * Serialises seeding of one workspace until the surrounding transaction ends, so two runs of
 * the same job (a retry racing a slow first attempt) cannot both see an empty workspace.
 */
export async function lockWorkspaceSeeding(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`demo.seed:${workspaceId}`}))`);
}

export async function workspaceHasFeedback(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM feedback WHERE workspace_id = ${workspaceId}) AS found`,
  );
  return rows[0]?.found === true;
}

/** Writes the demo staff directory and tracked names; people find their team by its key. */
export async function insertDirectory(
  db: Db,
  workspaceId: string,
  directory: DemoDirectory,
): Promise<number> {
  const teams = await queryRows<{ id: string; name: string }>(
    db,
    sql`INSERT INTO staff_teams (workspace_id, name, aliases)
        SELECT ${workspaceId}::uuid, name, aliases
        FROM jsonb_to_recordset(${JSON.stringify(directory.teams)}::jsonb) AS t(name text, aliases jsonb)
        RETURNING id, name`,
  );
  const teamIds = new Map(
    directory.teams.map((team) => [team.key, teams.find((row) => row.name === team.name)?.id]),
  );
  const people = directory.people.map((person) => ({
    name: person.name,
    nicknames: person.nicknames,
    teamId: teamIds.get(person.teamKey) ?? null,
  }));
  await db.execute(
    sql`INSERT INTO staff_people (workspace_id, name, nicknames, team_id)
        SELECT ${workspaceId}::uuid, name, nicknames, "teamId"
        FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
          AS p(name text, nicknames jsonb, "teamId" uuid)`,
  );
  await db.execute(
    sql`INSERT INTO tracked_entities (workspace_id, kind, name, aliases)
        SELECT ${workspaceId}::uuid, kind, name, aliases
        FROM jsonb_to_recordset(${JSON.stringify(directory.entities)}::jsonb)
          AS e(kind text, name text, aliases jsonb)`,
  );
  return teams.length + people.length + directory.entities.length;
}

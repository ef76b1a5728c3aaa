import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import type { Directory } from '../analysis/analyse.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import * as repo from './staff-directory.repository.ts';
import type {
  CreateEntity,
  CreatePerson,
  CreateTeam,
  UpdateEntity,
  UpdatePerson,
  UpdateTeam,
} from './staff-directory.schemas.ts';

/**
 * The staff directory: teams, people and tracked entities (brand, products, features,
 * competitors) that analysis recognises in feedback. Every change bumps the workspace's directory
 * version in the same transaction, so analysis workers recompile their copy; feedback analysed
 * before the change is re-matched on demand (POST .../analysis/runs).
 */
type Kind = 'team' | 'person' | 'entity';

async function change<T>(
  ctx: AppContext,
  workspaceId: string,
  actor: Actor,
  what: { kind: Kind; action: 'created' | 'updated' | 'deleted' },
  apply: (db: Db) => Promise<T & { id: string }>,
): Promise<T & { id: string }> {
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const result = await apply(db);
    const version = await repo.bumpDirectoryVersion(db, workspaceId);
    await recordAudit(
      db,
      workspaceId,
      actor,
      'directory.changed',
      { type: what.kind, id: result.id },
      { action: what.action, version },
    );
    return result;
  });
}

export function listTeams(ctx: AppContext, workspaceId: string) {
  return repo.listTeams(ctx.db, workspaceId);
}
export function listPeople(ctx: AppContext, workspaceId: string) {
  return repo.listPeople(ctx.db, workspaceId);
}
export function listEntities(ctx: AppContext, workspaceId: string) {
  return repo.listEntities(ctx.db, workspaceId);
}

export function createTeam(ctx: AppContext, workspaceId: string, input: CreateTeam, actor: Actor) {
  return change(ctx, workspaceId, actor, { kind: 'team', action: 'created' }, async (db) => {
    await checkTeamLead(db, workspaceId, input);
    return repo.insertTeam(db, workspaceId, input);
  });
}

export function updateTeam(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  input: UpdateTeam,
  actor: Actor,
) {
  return change(ctx, workspaceId, actor, { kind: 'team', action: 'updated' }, async (db) => {
    await checkTeamLead(db, workspaceId, input);
    const team = await repo.updateTeam(db, workspaceId, id, input);
    if (!team) throw errors.notFound('team', id);
    return team;
  });
}

export async function deleteTeam(ctx: AppContext, workspaceId: string, id: string, actor: Actor) {
  await change(ctx, workspaceId, actor, { kind: 'team', action: 'deleted' }, async (db) => {
    if (!(await repo.deleteTeam(db, workspaceId, id))) throw errors.notFound('team', id);
    return { id };
  });
}

/** Whether a staff team exists in the workspace (other modules link to teams). */
export const staffTeamExists = (db: Db, workspaceId: string, teamId: string) =>
  repo.teamExists(db, workspaceId, teamId);

/** A team's lead user must be a member of the workspace. */
async function checkTeamLead(db: Db, workspaceId: string, input: { leadUserId?: string | null }) {
  if (input.leadUserId && !(await repo.isMember(db, workspaceId, input.leadUserId)))
    throw errors.invalid('That user is not a member of this workspace.', [
      { path: 'body.leadUserId', message: 'is not a member of this workspace' },
    ]);
}

/** A person's team must be one of the workspace's teams, and their user one of its members. */
async function checkPersonLinks(
  db: Db,
  workspaceId: string,
  input: { teamId?: string | null; userId?: string | null },
) {
  if (input.teamId && !(await repo.teamExists(db, workspaceId, input.teamId)))
    throw errors.invalid('No such team in this workspace.', [
      { path: 'body.teamId', message: 'is not a team of this workspace' },
    ]);
  if (input.userId && !(await repo.isMember(db, workspaceId, input.userId)))
    throw errors.invalid('That user is not a member of this workspace.', [
      { path: 'body.userId', message: 'is not a member of this workspace' },
    ]);
}

export function createPerson(
  ctx: AppContext,
  workspaceId: string,
  input: CreatePerson,
  actor: Actor,
) {
  return change(ctx, workspaceId, actor, { kind: 'person', action: 'created' }, async (db) => {
    await checkPersonLinks(db, workspaceId, input);
    return repo.insertPerson(db, workspaceId, input);
  });
}

export function updatePerson(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  input: UpdatePerson,
  actor: Actor,
) {
  return change(ctx, workspaceId, actor, { kind: 'person', action: 'updated' }, async (db) => {
    await checkPersonLinks(db, workspaceId, input);
    const person = await repo.updatePerson(db, workspaceId, id, input);
    if (!person) throw errors.notFound('person', id);
    return person;
  });
}

export async function deletePerson(ctx: AppContext, workspaceId: string, id: string, actor: Actor) {
  await change(ctx, workspaceId, actor, { kind: 'person', action: 'deleted' }, async (db) => {
    if (!(await repo.deletePerson(db, workspaceId, id))) throw errors.notFound('person', id);
    return { id };
  });
}

export function createEntity(
  ctx: AppContext,
  workspaceId: string,
  input: CreateEntity,
  actor: Actor,
) {
  return change(ctx, workspaceId, actor, { kind: 'entity', action: 'created' }, (db) =>
    repo.insertEntity(db, workspaceId, input),
  );
}

export function updateEntity(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  input: UpdateEntity,
  actor: Actor,
) {
  return change(ctx, workspaceId, actor, { kind: 'entity', action: 'updated' }, async (db) => {
    const entity = await repo.updateEntity(db, workspaceId, id, input);
    if (!entity) throw errors.notFound('tracked entity', id);
    return entity;
  });
}

export async function deleteEntity(ctx: AppContext, workspaceId: string, id: string, actor: Actor) {
  await change(ctx, workspaceId, actor, { kind: 'entity', action: 'deleted' }, async (db) => {
    if (!(await repo.deleteEntity(db, workspaceId, id)))
      throw errors.notFound('tracked entity', id);
    return { id };
  });
}

/** The version analysis workers compare against their cached copy; cheap (one row by key). */
export function directoryVersion(db: Db, workspaceId: string): Promise<number> {
  return repo.directoryVersion(db, workspaceId);
}

/** The whole directory as the analysers take it, with the version it was read at. */
export async function loadDirectory(
  db: Db,
  workspaceId: string,
): Promise<{ version: number; directory: Directory }> {
  const version = await repo.directoryVersion(db, workspaceId);
  const [teams, people, entities] = [
    await repo.listTeams(db, workspaceId),
    await repo.listPeople(db, workspaceId),
    await repo.listEntities(db, workspaceId),
  ];
  return {
    version,
    directory: {
      teams: teams.map(({ id, name, aliases }) => ({ id, name, aliases })),
      // The team lets "Sam in billing" tell two Sams apart.
      people: people.map(({ id, name, nicknames, teamId }) => ({ id, name, nicknames, teamId })),
      entities: entities.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases })),
    },
  };
}

/** The directory for a workspace export; people without their user (users are not exported). */
export async function exportDirectory(ctx: AppContext, workspaceId: string) {
  return {
    // The lead user and calendar stay behind (users are not exported).
    teams: (await repo.listTeams(ctx.db, workspaceId)).map(
      ({ leadUserId: _lead, businessHours: _hours, holidays: _days, ...team }) => team,
    ),
    people: (await repo.listPeople(ctx.db, workspaceId)).map(
      ({ userId: _user, ...person }) => person,
    ),
    entities: await repo.listEntities(ctx.db, workspaceId),
  };
}

type ImportRows<T> = Array<T & { workspaceId: string; id: string }>;

/**
 * Inserters for a workspace import (ids kept, existing rows left alone); each batch bumps the
 * directory version so analysis picks the new names up.
 */
export const directoryImport = {
  async teams(db: Db, rows: ImportRows<repo.TeamInsert>) {
    const added = await repo.insertTeamRows(db, rows);
    if (added > 0) await repo.bumpDirectoryVersion(db, rows[0]!.workspaceId);
    return added;
  },
  async people(db: Db, rows: ImportRows<repo.PersonInsert>) {
    const added = await repo.insertPersonRows(db, rows);
    if (added > 0) await repo.bumpDirectoryVersion(db, rows[0]!.workspaceId);
    return added;
  },
  async entities(db: Db, rows: ImportRows<repo.EntityInsert>) {
    const added = await repo.insertEntityRows(db, rows);
    if (added > 0) await repo.bumpDirectoryVersion(db, rows[0]!.workspaceId);
    return added;
  },
};
